import { useId, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { isPresetAdded, PRESETS, type Preset, type PresetId } from '../../lib/interests/presets';
import type { Interest } from '../../lib/schema/interest';

const LABELS: Record<PresetId, string> = {
  csCL: i18n.t('interests.preset.csCL'),
  csLG: i18n.t('interests.preset.csLG'),
  csCV: i18n.t('interests.preset.csCV'),
  csAI: i18n.t('interests.preset.csAI'),
  statML: i18n.t('interests.preset.statML'),
  csIR: i18n.t('interests.preset.csIR'),
  csRO: i18n.t('interests.preset.csRO'),
  csNE: i18n.t('interests.preset.csNE'),
  csCR: i18n.t('interests.preset.csCR'),
  csHC: i18n.t('interests.preset.csHC'),
  csSE: i18n.t('interests.preset.csSE'),
  csMA: i18n.t('interests.preset.csMA'),
  eessAS: i18n.t('interests.preset.eessAS'),
  eessIV: i18n.t('interests.preset.eessIV'),
  agents: i18n.t('interests.preset.agents'),
  rag: i18n.t('interests.preset.rag'),
  diffusion: i18n.t('interests.preset.diffusion'),
  rl: i18n.t('interests.preset.rl'),
  reasoning: i18n.t('interests.preset.reasoning'),
  evaluation: i18n.t('interests.preset.evaluation'),
  efficiency: i18n.t('interests.preset.efficiency'),
  safety: i18n.t('interests.preset.safety'),
  multimodal: i18n.t('interests.preset.multimodal'),
  interpretability: i18n.t('interests.preset.interpretability'),
  code: i18n.t('interests.preset.code'),
  surveys: i18n.t('interests.preset.surveys'),
};

/** The interest a preset adds: a category is named by its code (cs.CL), a topic by its label. */
export function presetInterest(preset: Preset): { name: string; query: string; mute?: Interest['mute'] } {
  return {
    name: preset.code ?? LABELS[preset.id],
    query: preset.query,
    ...(preset.mute ? { mute: preset.mute } : {}),
  };
}

function PresetList({
  title,
  presets,
  interests,
  onAdd,
}: {
  title: string;
  presets: readonly Preset[];
  interests: readonly Interest[];
  onAdd: (preset: Preset) => Promise<boolean>;
}) {
  const headingId = useId();
  // The Add button goes once the preset is in: focus moves to the "Added" mark that takes its place.
  const focusWhenAdded = useRef<PresetId | null>(null);
  return (
    <>
      <h3 id={headingId}>{title}</h3>
      <ul className="preset-list" aria-labelledby={headingId}>
        {presets.map((preset) => {
          const wanted = presetInterest(preset);
          const added = isPresetAdded(wanted, interests);
          return (
            <li key={preset.id} className={added ? 'preset is-added' : 'preset'}>
              <div className="preset-text">
                <span className="preset-name">{wanted.name}</span>
                {preset.code && <span className="preset-label"> · {LABELS[preset.id]}</span>}
                {preset.mute && <span className="badge badge-mute">{i18n.t('interests.presetMute')}</span>}
                <code className="preset-query">{preset.query}</code>
              </div>
              {added ? (
                <span
                  className="preset-added"
                  tabIndex={-1}
                  ref={(el) => {
                    if (el && focusWhenAdded.current === preset.id) {
                      focusWhenAdded.current = null;
                      el.focus();
                    }
                  }}
                >
                  <span aria-hidden="true">✓ {i18n.t('interests.presetAdded')}</span>
                  <span className="visually-hidden">{i18n.t('interests.presetAddedLabel', [wanted.name])}</span>
                </span>
              ) : (
                <button
                  type="button"
                  aria-label={i18n.t('interests.presetAddLabel', [wanted.name])}
                  onClick={() => {
                    focusWhenAdded.current = preset.id;
                    void onAdd(preset).then((ok) => {
                      if (!ok) focusWhenAdded.current = null;
                    });
                  }}
                >
                  {i18n.t('interests.add')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** Presets to start from, in two lists (arXiv categories, topics); one already in the list shows as added. */
export function InterestPresets({
  interests,
  onAdd,
}: {
  interests: readonly Interest[];
  onAdd: (preset: Preset) => Promise<boolean>;
}) {
  // The lists are only rendered while open: 26 hidden buttons would still count as controls for some tools.
  const [open, setOpen] = useState(false);
  return (
    <details className="interest-presets" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{i18n.t('interests.presetsSummary')}</summary>
      {open && (
        <div className="preset-groups">
          <div>
            <PresetList
              title={i18n.t('interests.presetsCategories')}
              presets={PRESETS.filter((p) => p.group === 'category')}
              interests={interests}
              onAdd={onAdd}
            />
          </div>
          <div>
            <PresetList
              title={i18n.t('interests.presetsTopics')}
              presets={PRESETS.filter((p) => p.group === 'topic')}
              interests={interests}
              onAdd={onAdd}
            />
          </div>
        </div>
      )}
    </details>
  );
}
