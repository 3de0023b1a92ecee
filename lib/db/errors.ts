import { t } from '../util/t';

/** What went wrong with storage, for the UI to choose its words and its offer (free space, retry, report). */
export type StorageErrorKind = 'quota' | 'unavailable' | 'aborted' | 'invalid';

/** What the user is told of each kind (read when the error is made: a message key per kind). */
function explanation(kind: StorageErrorKind): string {
  switch (kind) {
    case 'quota':
      return t('errors.storage.quota');
    case 'unavailable':
      return t('errors.storage.unavailable');
    case 'aborted':
      return t('errors.storage.aborted');
    case 'invalid':
      return t('errors.storage.invalid');
  }
}

/** A storage operation failed as a whole (IndexedDB rolled the transaction back); `message` is for the user. */
export class StorageError extends Error {
  override readonly name = 'StorageError';

  constructor(
    readonly kind: StorageErrorKind,
    /** What was being done, as the user would say it: "save the paper". */
    readonly action: string,
    options?: { cause?: unknown },
  ) {
    super(t('errors.storage.failed', [action, explanation(kind)]), options);
  }
}

/** The kind of a failure thrown by IndexedDB (a DOMException, by name) or by our own checks. */
function kindOf(error: unknown): StorageErrorKind {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'QuotaExceededError':
      return 'quota';
    case 'AbortError':
    case 'TransactionInactiveError':
      return 'aborted';
    case 'DataError':
    case 'DataCloneError':
    case 'ConstraintError':
    case 'ZodError':
      return 'invalid';
    default:
      return 'unavailable';
  }
}

/** Wraps any failure of a storage operation as a StorageError (one already wrapped passes through). */
export function toStorageError(error: unknown, action: string): StorageError {
  if (error instanceof StorageError) return error;
  return new StorageError(kindOf(error), action, { cause: error });
}
