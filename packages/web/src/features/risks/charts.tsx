import { useI18n } from '../../app/i18n/I18nProvider';
import { LEVELS, percent, type Level } from './scoring';

interface LevelCount {
  level: Level;
  count: number;
}

/** A count per level as bars; the numbers are written out, the bars only show proportion. */
export function LevelBars({ counts, caption }: { counts: readonly LevelCount[]; caption: string }) {
  const { t } = useI18n();
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const ordered = [...LEVELS]
    .reverse()
    .map((level) => counts.find((c) => c.level === level) ?? { level, count: 0 });
  return (
    <figure className="chart">
      <figcaption className="chart__caption">{caption}</figcaption>
      <ul className="chart__bars">
        {ordered.map(({ level, count }) => (
          <li key={level} className="chart__row" data-level={level}>
            <span className="chart__label">{t(`risk.level.${level}`)}</span>
            <span className="chart__track" aria-hidden="true">
              <span
                className={`chart__bar level--${level.toLowerCase()}`}
                style={{ width: `${percent(count, total)}%` }}
              />
            </span>
            <span className="chart__value">
              {t('risk.summary.countShare', { count, percent: percent(count, total) })}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

interface Group {
  key: string;
  risks: number;
  byLevel: readonly LevelCount[];
}

/**
 * Risks per sector or region as stacked bars (critical first), scaled to the largest group;
 * each row also says its counts in words.
 */
export function GroupBars({
  groups,
  caption,
  labelOf,
}: {
  groups: readonly Group[];
  caption: string;
  labelOf(key: string): string;
}) {
  const { t, plural } = useI18n();
  const largest = Math.max(1, ...groups.map((g) => g.risks));
  const sorted = [...groups].sort((a, b) => b.risks - a.risks || a.key.localeCompare(b.key));
  return (
    <figure className="chart">
      <figcaption className="chart__caption">{caption}</figcaption>
      {sorted.length === 0 ? (
        <p className="muted">{t('risk.summary.noData')}</p>
      ) : (
        <ul className="chart__bars">
          {sorted.map((group) => {
            const levels = [...LEVELS]
              .reverse()
              .map((level) => group.byLevel.find((c) => c.level === level) ?? { level, count: 0 });
            const words = levels
              .filter((c) => c.count > 0)
              .map((c) => `${t(`risk.level.${c.level}`)}: ${c.count}`)
              .join(', ');
            return (
              <li key={group.key} className="chart__group" data-group={group.key}>
                <span className="chart__label">
                  <strong>{labelOf(group.key)}</strong> ·{' '}
                  {plural('risk.summary.risks', group.risks)}
                </span>
                <span
                  className="chart__track chart__track--stacked"
                  aria-hidden="true"
                  style={{ width: `${percent(group.risks, largest)}%` }}
                >
                  {levels.map(
                    (c) =>
                      c.count > 0 && (
                        <span
                          key={c.level}
                          className={`chart__bar level--${c.level.toLowerCase()}`}
                          style={{ width: `${percent(c.count, group.risks)}%` }}
                        />
                      ),
                  )}
                </span>
                <span className="chart__words">{words}</span>
              </li>
            );
          })}
        </ul>
      )}
    </figure>
  );
}
