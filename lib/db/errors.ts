/** What went wrong with storage, for the UI to choose its words and its offer (free space, retry, report). */
export type StorageErrorKind = 'quota' | 'unavailable' | 'aborted' | 'invalid';

const EXPLANATION: Record<StorageErrorKind, string> = {
  quota:
    "the browser's storage is full. Nothing already saved was lost. Free some disk space, or export your shortlist and remove papers you no longer need, then try again.",
  unavailable:
    "the browser would not open Paperlight's database. Nothing already saved was lost; restarting the browser usually fixes this.",
  aborted: 'the change was interrupted before it was stored. Nothing already saved was lost; please try again.',
  invalid: 'the data is not in a form Paperlight can store. Nothing already saved was changed.',
};

/** A storage operation failed as a whole (IndexedDB rolled the transaction back); `message` is for the user. */
export class StorageError extends Error {
  override readonly name = 'StorageError';

  constructor(
    readonly kind: StorageErrorKind,
    /** What was being done, as the user would say it: "save the paper". */
    readonly action: string,
    options?: { cause?: unknown },
  ) {
    super(`Paperlight could not ${action}: ${EXPLANATION[kind]}`, options);
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
