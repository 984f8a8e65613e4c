import { Migration } from '@mikro-orm/migrations';

/**
 * Search that finds the forms people type in Kazakh and Russian (issue #25).
 *
 * Kazakh is agglutinative and PostgreSQL has no Kazakh stemmer: the `simple` configuration only
 * matched the exact word form («мектептердегі» not by «мектеп»). Snowball's Russian stemmer keeps
 * the fleeting vowel apart («закупок» → `закупок`, «закупки» → `закупк`). Both are closed by a
 * suffix-stripping stemmer written in PL/pgSQL (`alany.search_word_stems`), so it runs on any
 * PostgreSQL, including one where Alany cannot write dictionary files into `tsearch_data`:
 *
 * - Kazakh endings follow the morphotactics of Kessikbayeva & Cicekli, "Rule Based Morphological
 *   Analyzer of Kazakh Language" (SIGMORPHON 2014): stem + derivation + plural + possessive +
 *   case + personal ending, each ending in its vowel-harmony and assimilation variants. The
 *   slots are stripped from the outside in, each at most once and its longest ending first,
 *   never leaving fewer than three letters; a stem-final voiced б/ғ/г (мектеб-і, жемқорлығ-ы)
 *   is put back to п/қ/к. Every intermediate stem is kept, since a root can end like an ending
 *   (шағым): a query word matches a written word when any of their stems meet.
 * - Russian inflectional endings, then the fleeting к, are stripped the same way from the word
 *   as written, so «закупок», «закупки», «закупка» all give `закуп`, «участок», «участков»
 *   give `участ`.
 * - «ё» is folded to «е» and case is folded without the database's locale (`translate`).
 *
 * The stems are one more part of each `search` vector, beside the English, Russian and exact
 * (`simple`, now ё-folded) lexemes, so an exact or Snowball match still ranks above a match of
 * a stem alone. Thread tags are now in the thread's vector, with titles, at weight A.
 */
/** case: genitive, dative, accusative, locative, ablative, instrumental, equative, -дағы */
const CASE = [
  'дың',
  'дің',
  'тың',
  'тің',
  'ның',
  'нің',
  'ға',
  'ге',
  'қа',
  'ке',
  'на',
  'не',
  'а',
  'е',
  'ды',
  'ді',
  'ты',
  'ті',
  'ны',
  'ні',
  'ын',
  'ін',
  'н',
  'да',
  'де',
  'та',
  'те',
  'нда',
  'нде',
  'дан',
  'ден',
  'тан',
  'тен',
  'нан',
  'нен',
  'мен',
  'бен',
  'пен',
  'ша',
  'ше',
  'дағы',
  'дегі',
  'тағы',
  'тегі',
  'ндағы',
  'ндегі',
];

/**
 * Kazakh endings by morphotactic slot, outermost first (a word is stem + derivation + plural +
 * possessive + case + personal ending), then Russian inflection and its fleeting к.
 */
const LAYERS: string[][] = [
  // personal and predicative endings
  [
    'мын',
    'мін',
    'бын',
    'бін',
    'пын',
    'пін',
    'мыз',
    'міз',
    'быз',
    'біз',
    'пыз',
    'піз',
    'сың',
    'сің',
    'сыз',
    'сіз',
    'сыңдар',
    'сіңдер',
    'сыздар',
    'сіздер',
    'дыр',
    'дір',
    'тыр',
    'тір',
  ],
  CASE,
  // possessive
  [
    'ым',
    'ім',
    'м',
    'ың',
    'ің',
    'ң',
    'ыңыз',
    'іңіз',
    'ңыз',
    'ңіз',
    'сы',
    'сі',
    'ы',
    'і',
    'ымыз',
    'іміз',
    'мыз',
    'міз',
  ],
  // plural
  ['лар', 'лер', 'дар', 'дер', 'тар', 'тер'],
  // common derivational endings (-лық and its voiced form before a vowel, -шы, -лы, -шыл, -лау, -ғы)
  [
    'лық',
    'лік',
    'дық',
    'дік',
    'тық',
    'тік',
    'лығ',
    'ліг',
    'дығ',
    'діг',
    'тығ',
    'тіг',
    'шылық',
    'шілік',
    'шы',
    'ші',
    'лы',
    'лі',
    'шыл',
    'шіл',
    'лау',
    'леу',
    'дау',
    'деу',
    'тау',
    'теу',
    'ғы',
    'гі',
    'қы',
    'кі',
  ],
  // verbs: participles, the verbal noun, converbs (жөнделген, жөндеу), then the passive -ыл/-іл/-л
  ['ған', 'ген', 'қан', 'кен', 'атын', 'етін', 'йтын', 'йтін', 'ып', 'іп', 'п', 'у', 'мақ', 'мек'],
  ['ыл', 'іл', 'л'],
];
const RUSSIAN_LAYERS: string[][] = [
  [
    'ами',
    'ями',
    'ого',
    'его',
    'ому',
    'ему',
    'ыми',
    'ими',
    'ая',
    'яя',
    'ое',
    'ее',
    'ые',
    'ие',
    'ый',
    'ий',
    'ой',
    'ей',
    'ом',
    'ем',
    'ам',
    'ям',
    'ах',
    'ях',
    'ов',
    'ев',
    'ых',
    'их',
    'ым',
    'им',
    'ую',
    'юю',
    'ок',
    'ек',
    'а',
    'я',
    'о',
    'е',
    'ы',
    'и',
    'у',
    'ю',
    'ь',
    'й',
  ],
  ['к'],
];

/** A slot's endings reversed, as one alternation matched at the start of the reversed word. */
/**
 * Kazakh typed on a Russian keyboard drops its own letters (шағым → шагым, нұсқаулық →
 * нускаулык): words and endings are stemmed with them flattened to their Russian look-alikes,
 * on both sides, so the stems match either way.
 */
const FLAT_FROM = 'әіңғүұқөһ';
const FLAT_TO = 'аингуукох';
const flatten = (text: string) =>
  [...text].map((c) => (FLAT_FROM.includes(c) ? FLAT_TO[FLAT_FROM.indexOf(c)]! : c)).join('');

const reversed = (endings: string[]) =>
  [...new Set(endings.map(flatten))]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map((ending) => [...ending].reverse().join(''))
    .join('|');

/** PL/pgSQL that strips one slot's longest ending from `stem` and keeps what it leaves. */
/**
 * PL/pgSQL that strips one slot's longest ending from `stem` and keeps what it leaves, and also
 * what the slot's one-letter ending would leave (кодексі: possessive -сі and -і).
 */
const stripSlot = (endings: string[], devoice: boolean) => {
  const letters = [...new Set(endings.filter((e) => e.length === 1).map(flatten))];
  const voiced = (variable: string) =>
    devoice
      ? `
            if pg_catalog.right(${variable}, 1) in ('б', 'г') then
              ${variable} := pg_catalog.left(${variable}, -1) || pg_catalog.translate(pg_catalog.right(${variable}, 1), 'бг', 'пк');
            end if;`
      : '';
  return `
          ending := pg_catalog.substring(pg_catalog.reverse(stem), '^(?:${reversed(endings)})');
          if ending is not null and pg_catalog.length(stem) - pg_catalog.length(ending) >= 3 then${
            letters.length
              ? `
            if pg_catalog.length(ending) > 1 and pg_catalog.right(stem, 1) in (${letters.map((l) => `'${l}'`).join(', ')}) then
              other := pg_catalog.left(stem, -1);${voiced('other')}
              stems := stems || other;
            end if;`
              : ''
          }
            stem := pg_catalog.left(stem, -pg_catalog.length(ending));${voiced('stem')}
            stems := stems || stem;
          end if;`;
};

const UPPER = 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯӘІҢҒҮҰҚӨҺё';
const LOWER = 'абвгдеежзийклмнопрстуфхцчшщъыьэюяәіңғүұқөһе';

const NEW_SEARCH = {
  thread: `
    setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('russian', title), 'A') ||
    setweight(to_tsvector('simple', alany.search_fold(title)), 'A') ||
    setweight(alany.search_stems(title), 'A') ||
    setweight(to_tsvector('russian', alany.tags_text(tags)), 'A') ||
    setweight(to_tsvector('simple', alany.search_fold(alany.tags_text(tags))), 'A') ||
    setweight(alany.search_stems(alany.tags_text(tags)), 'A') ||
    setweight(to_tsvector('english', body), 'B') || setweight(to_tsvector('russian', body), 'B') ||
    setweight(to_tsvector('simple', alany.search_fold(body)), 'B') ||
    setweight(alany.search_stems(body), 'B')`,
  post: `
    to_tsvector('english', body) || to_tsvector('russian', body) ||
    to_tsvector('simple', alany.search_fold(body)) || alany.search_stems(body)`,
  resource: `
    setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('russian', title), 'A') ||
    setweight(to_tsvector('simple', alany.search_fold(title)), 'A') ||
    setweight(alany.search_stems(title), 'A') ||
    setweight(to_tsvector('russian', alany.tags_text(tags)), 'A') ||
    setweight(to_tsvector('simple', alany.search_fold(alany.tags_text(tags))), 'A') ||
    setweight(alany.search_stems(alany.tags_text(tags)), 'A') ||
    setweight(to_tsvector('english', description), 'B') || setweight(to_tsvector('russian', description), 'B') ||
    setweight(to_tsvector('simple', alany.search_fold(description)), 'B') ||
    setweight(alany.search_stems(description), 'B')`,
  resource_version: `
    to_tsvector('english', coalesce(extracted_text, '')) || to_tsvector('russian', coalesce(extracted_text, '')) ||
    to_tsvector('simple', alany.search_fold(coalesce(extracted_text, ''))) ||
    alany.search_stems(coalesce(extracted_text, ''))`,
};

/** The expressions of Migration20261127000003Discussions and …0010Resources, for down(). */
const OLD_SEARCH = {
  thread: `
    setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('russian', title), 'A') ||
    setweight(to_tsvector('simple', title), 'A') ||
    setweight(to_tsvector('english', body), 'B') || setweight(to_tsvector('russian', body), 'B') ||
    setweight(to_tsvector('simple', body), 'B')`,
  post: `to_tsvector('english', body) || to_tsvector('russian', body) || to_tsvector('simple', body)`,
  resource: `
    setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('russian', title), 'A') ||
    setweight(to_tsvector('simple', title), 'A') ||
    setweight(to_tsvector('simple', alany.tags_text(tags)), 'A') ||
    setweight(to_tsvector('english', description), 'B') || setweight(to_tsvector('russian', description), 'B') ||
    setweight(to_tsvector('simple', description), 'B')`,
  resource_version: `
    to_tsvector('english', coalesce(extracted_text, '')) || to_tsvector('russian', coalesce(extracted_text, '')) ||
    to_tsvector('simple', coalesce(extracted_text, ''))`,
};

export class Migration20261207000260SearchStems extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create function alany.search_fold(t text) returns text language sql immutable parallel safe strict as $$
        select pg_catalog.translate(pg_catalog.lower(t), '${UPPER}', '${LOWER}')
      $$;`);
    // Every stem a word passes through, slot by slot, is kept: «шағым» (a root ending like a
    // possessive) gives шақ, «шағымдары» gives шағымдар and шағым; a query word matches a written
    // word when any of their stems meet. PL/pgSQL rather than nested SQL functions: a SQL
    // function that cannot be inlined is set up again on every call (≈ 0.4 ms a word).
    this.addSql(`
      create function alany.search_word_stems(w text) returns text[] language plpgsql immutable parallel safe strict as $$
      declare
        stems text[] := '{}';
        flat text := pg_catalog.translate(w, '${FLAT_FROM}', '${FLAT_TO}');
        stem text := flat;
        other text;
        ending text;
      begin
        if flat !~ '^[а-я]+$' then
          return stems;
        end if;${LAYERS.map((slot) => stripSlot(slot, true)).join('')}
        -- Again without the case slot: бюджеті is бюджет + possessive -і, not бюдже + -ті.
        stem := flat;${LAYERS.filter((slot) => slot !== CASE)
          .map((slot) => stripSlot(slot, true))
          .join('')}
        -- And with the noun's endings left out: жөнделген is a participle, not жөнделге + -н.
        stem := flat;${LAYERS.slice(-4)
          .map((slot) => stripSlot(slot, true))
          .join('')}
        stem := flat;${RUSSIAN_LAYERS.map((slot) => stripSlot(slot, false)).join('')}
        if flat <> w then
          stems := stems || flat;
        end if;
        return stems;
      end
      $$;`);
    // Each distinct word once (to_tsvector's lexemes), with its positions, so phrases still work.
    this.addSql(`
      create function alany.search_stems(t text) returns tsvector language sql immutable parallel safe strict as $$
        select coalesce(pg_catalog.string_agg(pg_catalog.quote_literal(s.stem)
            || ':' || pg_catalog.array_to_string(v.positions, ','), ' '), '')::tsvector
        from pg_catalog.unnest(pg_catalog.to_tsvector('simple', alany.search_fold(t))) v,
          pg_catalog.unnest(alany.search_word_stems(v.lexeme)) s(stem)
      $$;`);
    // A query as its words' stems: each word or any of its stems, every word (or, for
    // ts_headline, any of them as a prefix).
    this.addSql(`
      create function alany.search_stems_query(q text, prefix boolean) returns tsquery language sql immutable parallel safe strict as $$
        select pg_catalog.to_tsquery('simple', coalesce(pg_catalog.string_agg(w.alternatives,
            case when prefix then ' | ' else ' & ' end), ''))
        from (
          select '(' || pg_catalog.string_agg(pg_catalog.quote_literal(f.form)
              || case when prefix then ':*' else '' end, ' | ') || ')' as alternatives
          from pg_catalog.unnest(pg_catalog.tsvector_to_array(pg_catalog.to_tsvector('simple', alany.search_fold(q)))) l(lexeme),
            pg_catalog.unnest(l.lexeme || alany.search_word_stems(l.lexeme)) f(form)
          group by l.lexeme
        ) w
      $$;`);
    for (const fn of [
      'search_fold(text)',
      'search_word_stems(text)',
      'search_stems(text)',
      'search_stems_query(text, boolean)',
    ])
      this.addSql(`grant execute on function alany.${fn} to alany_app;`);
    this.rebuild(NEW_SEARCH);
    // Typos («корупция», «kindergarden»): trigram similarity over thread and resource texts, a
    // fallback ranked below every full-text match. pg_trgm is a trusted extension (PostgreSQL 13+):
    // the database owner may create it on a managed server too.
    this.addSql(`create extension if not exists pg_trgm with schema public;`);
    this.addSql(
      `create index thread_trigram_index on thread using gin ((alany.search_fold(title || ' ' || body)) public.gin_trgm_ops);`,
    );
    this.addSql(
      `create index resource_trigram_index on resource using gin ((alany.search_fold(title || ' ' || description)) public.gin_trgm_ops);`,
    );
  }

  override async down(): Promise<void> {
    // pg_trgm stays: dropping an extension another part may have come to use is not undoing.
    this.addSql(`drop index resource_trigram_index;`);
    this.addSql(`drop index thread_trigram_index;`);
    this.rebuild(OLD_SEARCH);
    this.addSql(`drop function alany.search_stems_query(text, boolean);`);
    this.addSql(`drop function alany.search_stems(text);`);
    this.addSql(`drop function alany.search_word_stems(text);`);
    this.addSql(`drop function alany.search_fold(text);`);
  }

  private rebuild(expressions: Record<keyof typeof NEW_SEARCH, string>) {
    for (const [table, expression] of Object.entries(expressions)) {
      // Dropping the column drops its GIN index too.
      this.addSql(`alter table ${table} drop column search;`);
      this.addSql(
        `alter table ${table} add column search tsvector generated always as (${expression}) stored;`,
      );
      this.addSql(`create index ${table}_search_index on ${table} using gin (search);`);
    }
  }
}
