import { Migration } from '@mikro-orm/migrations';

/**
 * Corruption-risk assessments: a 5×5 likelihood × impact register per public body or sector,
 * risks with a history of scores, mitigations, and a public summary. Scores and levels are
 * derived (never stored twice). What the public may see is exactly what
 * alany.public_risk_summary returns: titles, levels, the heatmap and mitigation progress.
 */
export class Migration20261127000006RiskAssessments extends Migration {
  override async up(): Promise<void> {
    const sql = (statement: string) => this.addSql(statement);

    sql(
      `create type risk_sector as enum ('HEALTH', 'EDUCATION', 'CONSTRUCTION', 'LAND', 'PROCUREMENT', 'SOCIAL_BENEFITS', 'LOCAL_GOVERNMENT', 'OTHER');`,
    );
    sql(`create type assessment_status as enum ('DRAFT', 'ACTIVE', 'ARCHIVED');`);
    sql(`create type mitigation_status as enum ('PLANNED', 'IN_PROGRESS', 'DONE');`);

    sql(`
      create table risk_assessment (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        space_id uuid not null references space (id) on delete cascade,
        title text not null check (length(title) between 1 and 200),
        subject text not null check (length(subject) between 1 and 300),
        sector risk_sector not null,
        region text not null default '',
        period text not null default '',
        methodology text not null default '',
        status assessment_status not null,
        published_at timestamptz null,
        created_by uuid null references app_user (id) on delete set null,
        created_at timestamptz not null,
        updated_at timestamptz not null
      );`);
    sql(`create index risk_assessment_space_index on risk_assessment (space_id, created_at desc);`);
    sql(
      `create index risk_assessment_organisation_index on risk_assessment (organisation_id, sector, region);`,
    );

    sql(`
      create table risk (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        space_id uuid not null references space (id) on delete cascade,
        assessment_id uuid not null references risk_assessment (id) on delete cascade,
        title text not null check (length(title) between 1 and 200),
        description text not null default '',
        process text not null default '',
        scheme text not null default '',
        likelihood smallint not null check (likelihood between 1 and 5),
        impact smallint not null check (impact between 1 and 5),
        residual_likelihood smallint null check (residual_likelihood between 1 and 5),
        residual_impact smallint null check (residual_impact between 1 and 5),
        indicators text[] not null default '{}',
        evidence_thread_ids uuid[] not null default '{}',
        evidence_resource_ids uuid[] not null default '{}',
        created_by uuid null references app_user (id) on delete set null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        check ((residual_likelihood is null) = (residual_impact is null))
      );`);
    sql(`create index risk_assessment_id_index on risk (assessment_id, created_at);`);

    sql(`
      create table risk_score_change (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        space_id uuid not null references space (id) on delete cascade,
        risk_id uuid not null references risk (id) on delete cascade,
        likelihood smallint not null,
        impact smallint not null,
        residual_likelihood smallint null,
        residual_impact smallint null,
        changed_by uuid null references app_user (id) on delete set null,
        created_at timestamptz not null
      );`);
    sql(`create index risk_score_change_risk_index on risk_score_change (risk_id, created_at);`);

    sql(`
      create table mitigation (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        space_id uuid not null references space (id) on delete cascade,
        risk_id uuid not null references risk (id) on delete cascade,
        action text not null check (length(action) between 1 and 1000),
        owner_user_id uuid null references app_user (id) on delete set null,
        due_date date not null,
        status mitigation_status not null,
        created_at timestamptz not null,
        completed_at timestamptz null
      );`);
    sql(`create index mitigation_risk_index on mitigation (risk_id, due_date);`);

    // The public summary: titles and levels, heatmap cells and mitigation progress, nothing else.
    sql(`
      create function alany.public_risk_summary(target uuid)
      returns table (
        assessment_id uuid, title text, subject text, sector risk_sector, region text, period text, published_at timestamptz,
        risk_title text, likelihood smallint, impact smallint, residual_likelihood smallint, residual_impact smallint,
        mitigations_total bigint, mitigations_done bigint, mitigations_overdue bigint
      )
      language sql stable security definer set search_path = public as $$
        select a.id, a.title, a.subject, a.sector, a.region, a.period, a.published_at,
               r.title, r.likelihood, r.impact, r.residual_likelihood, r.residual_impact,
               (select count(*) from mitigation m where m.risk_id = r.id),
               (select count(*) from mitigation m where m.risk_id = r.id and m.status = 'DONE'),
               (select count(*) from mitigation m where m.risk_id = r.id and m.status <> 'DONE' and m.due_date < current_date)
        from risk_assessment a left join risk r on r.assessment_id = a.id
        where a.id = target and a.published_at is not null and a.status <> 'DRAFT'
        order by r.likelihood * r.impact desc nulls last, r.created_at
      $$;`);
    sql(`
      create function alany.is_member_of(target_user uuid, org uuid) returns boolean language sql stable security definer set search_path = public as $$
        select exists (select 1 from membership where user_id = target_user and organisation_id = org)
      $$;`);
    sql(
      `revoke all on function alany.public_risk_summary(uuid), alany.is_member_of(uuid, uuid) from public;`,
    );
    sql(
      `grant execute on function alany.public_risk_summary(uuid), alany.is_member_of(uuid, uuid) to alany_app;`,
    );

    const readable = `space_id = any ((select alany.readable_space_ids())::uuid[])`;
    const member = `alany.viewer_role_rank(organisation_id) >= 1`;
    // Outside the owning organisation, a draft and everything in it stay invisible.
    const notDraft: Record<string, string> = {
      risk_assessment: `status <> 'DRAFT'`,
      risk: `exists (select 1 from risk_assessment a where a.id = assessment_id and a.status <> 'DRAFT')`,
      risk_score_change: `exists (select 1 from risk r where r.id = risk_id)`,
      mitigation: `exists (select 1 from risk r where r.id = risk_id)`,
    };
    for (const table of ['risk_assessment', 'risk', 'risk_score_change', 'mitigation']) {
      sql(`alter table ${table} enable row level security;`);
      sql(`alter table ${table} force row level security;`);
      sql(
        `create policy ${table}_read on ${table} for select using (${readable} and (${member} or ${notDraft[table]}));`,
      );
      sql(`create policy ${table}_write on ${table} for insert with check (${member});`);
      sql(`create policy ${table}_update on ${table} for update using (${member});`);
    }
    sql(`grant select, insert, update on risk_assessment, risk, mitigation to alany_app;`);
    sql(`grant select, insert on risk_score_change to alany_app;`);
  }

  override async down(): Promise<void> {
    for (const table of ['mitigation', 'risk_score_change', 'risk', 'risk_assessment'])
      this.addSql(`drop table if exists ${table} cascade;`);
    this.addSql(
      `drop function if exists alany.public_risk_summary(uuid), alany.is_member_of(uuid, uuid);`,
    );
    this.addSql(`drop type if exists mitigation_status, assessment_status, risk_sector;`);
  }
}
