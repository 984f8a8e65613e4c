import { useI18n } from '../../app/i18n/I18nProvider';
import { heatmapRows, LEVEL_FROM, LEVEL_TO, LEVELS, SCALE, type Cell, type Level } from './scoring';

/** A level in words, coloured too: the word carries the meaning, the colour only helps. */
export function LevelBadge({ level, score }: { level: Level; score?: number }) {
  const { t } = useI18n();
  return (
    <span className={`level level--${level.toLowerCase()}`}>
      {score !== undefined && <span className="level__score">{score}</span>}
      {t(`risk.level.${level}`)}
    </span>
  );
}

/** Which level each band of scores gets, under the heatmap and in the editor. */
export function LevelLegend() {
  const { t } = useI18n();
  return (
    <ul className="level-legend" aria-label={t('risk.heatmap.legend')}>
      {LEVELS.map((level) => {
        return (
          <li key={level}>
            <span className={`level level--${level.toLowerCase()}`}>
              <span className="level__short" aria-hidden="true">
                {t(`risk.levelShort.${level}`)}
              </span>
              {t(`risk.level.${level}`)}
            </span>{' '}
            <span className="muted">
              {t('risk.heatmap.range', { from: LEVEL_FROM[level], to: LEVEL_TO[level] })}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

interface HeatmapProps {
  cells: readonly Cell[];
  caption: string;
  /** The cell whose risks the table shows; with onSelect, cells are buttons. */
  selected?: { likelihood: number; impact: number } | null;
  onSelect?(cell: { likelihood: number; impact: number } | null): void;
}

/**
 * The 5×5 matrix as a real table: likelihood down the side (5 at the top), impact along the
 * bottom. Each cell says its count and level in text; the colour repeats the level.
 */
export function Heatmap({ cells, caption, selected, onSelect }: HeatmapProps) {
  const { t, plural } = useI18n();
  const rows = heatmapRows(cells);
  return (
    <div className="heatmap">
      <table className="heatmap__table">
        <caption className="heatmap__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="heatmap__corner">
              <span className="heatmap__axis">{t('risk.likelihood')}</span>
              <span aria-hidden="true"> ↓ · → </span>
              <span className="heatmap__axis">{t('risk.impact')}</span>
            </th>
            {SCALE.map((impact) => (
              <th key={impact} scope="col" className="heatmap__head">
                <span className="visually-hidden">{t('risk.impact')} </span>
                {impact}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row[0]!.likelihood}>
              <th scope="row" className="heatmap__head">
                <span className="visually-hidden">{t('risk.likelihood')} </span>
                {row[0]!.likelihood}
              </th>
              {row.map((cell) => {
                const label = plural('risk.heatmap.cellLabel', cell.count, {
                  likelihood: cell.likelihood,
                  impact: cell.impact,
                  level: t(`risk.level.${cell.level}`),
                });
                const isSelected =
                  selected?.likelihood === cell.likelihood && selected.impact === cell.impact;
                const content = (
                  <>
                    <span className="heatmap__count">{cell.count || ''}</span>
                    <span className="heatmap__level" aria-hidden="true">
                      {t(`risk.levelShort.${cell.level}`)}
                    </span>
                  </>
                );
                return (
                  <td
                    key={cell.impact}
                    className={[
                      'heatmap__cell',
                      `level--${cell.level.toLowerCase()}`,
                      cell.count ? 'heatmap__cell--filled' : '',
                      isSelected ? 'heatmap__cell--selected' : '',
                    ]
                      .filter(Boolean)
                      .join(' ')}
                    data-likelihood={cell.likelihood}
                    data-impact={cell.impact}
                    data-count={cell.count}
                  >
                    {onSelect ? (
                      <button
                        type="button"
                        className="heatmap__button"
                        aria-pressed={isSelected}
                        disabled={!cell.count && !isSelected}
                        onClick={() =>
                          onSelect(
                            isSelected
                              ? null
                              : { likelihood: cell.likelihood, impact: cell.impact },
                          )
                        }
                      >
                        <span className="visually-hidden">{label}</span>
                        <span aria-hidden="true" className="heatmap__static-inner">
                          {content}
                        </span>
                      </button>
                    ) : (
                      <span className="heatmap__static">
                        <span className="visually-hidden">{label}</span>
                        <span aria-hidden="true" className="heatmap__static-inner">
                          {content}
                        </span>
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
