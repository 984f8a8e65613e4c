import { useI18n } from '../../app/i18n/I18nProvider';
import type { PollFieldsFragment } from '../../gql/graphql';

/** Poll results as horizontal bars: plain HTML, each bar labelled with its votes and share. */
export function PollChart({ poll, large = false }: { poll: PollFieldsFragment; large?: boolean }) {
  const { t, plural, locale } = useI18n();
  const percent = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const results = [...poll.results.options].sort(
    (a, b) =>
      (poll.options.find((o) => o.id === a.option.id)?.position ?? 0) -
      (poll.options.find((o) => o.id === b.option.id)?.position ?? 0),
  );
  return (
    <figure className={large ? 'chart chart--large' : 'chart'}>
      <figcaption className="chart__caption">
        {poll.question}{' '}
        <span className="chart__ballots">{plural('poll.ballots', poll.results.ballots)}</span>
      </figcaption>
      <ul className="chart__bars">
        {results.map((result) => (
          <li key={result.option.id} className="chart__row" data-option={result.option.label}>
            <span className="chart__label">{result.option.label}</span>
            <span className="chart__track" aria-hidden="true">
              <span className="chart__bar" style={{ width: `${result.percentage}%` }} />
            </span>
            <span className="chart__value">
              {t('poll.result', {
                votes: result.votes,
                percent: percent.format(result.percentage),
              })}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
