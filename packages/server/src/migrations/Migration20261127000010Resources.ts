import { Migration } from '@mikro-orm/migrations';

/**
 * The resource library: toolkits, templates, studies and documents in spaces, each with a
 * history of versions (a stored file or a link). Uploads arrive before the resource they
 * belong to: a `file_upload` is its uploader's alone until a version claims it. File bytes
 * live in the file storage (a folder or S3), never in the database; the database holds the
 * key, size, sniffed media type, SHA-256 and the text extracted for search.
 */
export class Migration20261127000010Resources extends Migration {
  override async up(): Promise<void> {
    const sql = (statement: string) => this.addSql(statement);

    sql(
      `create type resource_kind as enum ('DOCUMENT', 'TEMPLATE', 'TOOLKIT', 'STUDY', 'LINK', 'DATASET');`,
    );
    sql(`create type resource_language as enum ('KK', 'RU', 'EN', 'MULTILINGUAL', 'OTHER');`);
    // array_to_string is only STABLE in general; for text[] it cannot change, and a generated
    // search column needs an IMMUTABLE expression.
    sql(`
      create function alany.tags_text(tags text[]) returns text language sql immutable parallel safe as $$
        select coalesce(array_to_string(tags, ' '), '')
      $$;`);
    sql(`grant execute on function alany.tags_text(text[]) to alany_app;`);

    sql(`
      create table resource (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        space_id uuid not null references space (id) on delete cascade,
        title text not null check (length(title) between 1 and 200),
        description text not null default '' check (length(description) <= 5000),
        kind resource_kind not null,
        language resource_language not null,
        tags text[] not null default '{}',
        url text null check (url ~ '^https?://'),
        version_count int not null default 0,
        created_by uuid null references app_user (id) on delete set null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        search tsvector generated always as (
          setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('russian', title), 'A') ||
          setweight(to_tsvector('simple', title), 'A') ||
          setweight(to_tsvector('simple', alany.tags_text(tags)), 'A') ||
          setweight(to_tsvector('english', description), 'B') || setweight(to_tsvector('russian', description), 'B') ||
          setweight(to_tsvector('simple', description), 'B')
        ) stored
      );`);
    sql(`create index resource_space_index on resource (space_id, created_at desc, id desc);`);
    sql(`create index resource_organisation_index on resource (organisation_id);`);
    sql(`create index resource_search_index on resource using gin (search);`);
    sql(`create index resource_tags_index on resource using gin (tags);`);

    sql(`
      create table resource_version (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        space_id uuid not null references space (id) on delete cascade,
        resource_id uuid not null references resource (id) on delete cascade,
        number int not null check (number >= 1),
        note text not null default '' check (length(note) <= 1000),
        storage_key text null,
        file_name text null check (length(file_name) between 1 and 255),
        size_bytes bigint null check (size_bytes >= 0),
        media_type text null,
        sha256 text null check (sha256 ~ '^[0-9a-f]{64}$'),
        url text null check (url ~ '^https?://'),
        extracted_text text null,
        created_by uuid null references app_user (id) on delete set null,
        created_at timestamptz not null,
        unique (resource_id, number),
        check ((storage_key is null) <> (url is null)),
        check (storage_key is null or (file_name is not null and size_bytes is not null and media_type is not null and sha256 is not null)),
        search tsvector generated always as (
          to_tsvector('english', coalesce(extracted_text, '')) || to_tsvector('russian', coalesce(extracted_text, '')) ||
          to_tsvector('simple', coalesce(extracted_text, ''))
        ) stored
      );`);
    sql(`create index resource_version_search_index on resource_version using gin (search);`);
    sql(`create index resource_version_space_index on resource_version (space_id);`);

    sql(`
      create table file_upload (
        id uuid primary key,
        user_id uuid not null references app_user (id) on delete cascade,
        storage_key text not null unique,
        file_name text not null check (length(file_name) between 1 and 255),
        size_bytes bigint not null check (size_bytes >= 0),
        media_type text not null,
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
        extracted_text text null,
        created_at timestamptz not null
      );`);
    sql(`create index file_upload_created_index on file_upload (created_at);`);

    // Uploads nobody claimed: their rows go, and their keys are handed to the caller to delete.
    sql(`
      create function alany.take_expired_uploads(older_than timestamptz) returns setof text
      language sql volatile security definer set search_path = public as $$
        delete from file_upload where created_at < older_than returning storage_key
      $$;`);
    sql(`revoke all on function alany.take_expired_uploads(timestamptz) from public;`);
    sql(`grant execute on function alany.take_expired_uploads(timestamptz) to alany_app;`);

    const readable = `space_id = any ((select alany.readable_space_ids())::uuid[])`;
    const writable = `space_id = any ((select alany.writable_space_ids())::uuid[])`;
    const viewer = `alany.viewer_user_id()`;
    // The author, or an organisation's moderators and above, look after a resource.
    const curator = `(created_by = ${viewer} or alany.viewer_role_rank(organisation_id) >= 2)`;
    for (const table of ['resource', 'resource_version', 'file_upload']) {
      sql(`alter table ${table} enable row level security;`);
      sql(`alter table ${table} force row level security;`);
    }
    sql(`create policy resource_read on resource for select using (${readable});`);
    sql(
      `create policy resource_insert on resource for insert with check (${writable} and created_by = ${viewer});`,
    );
    sql(
      `create policy resource_update on resource for update using (${readable} and ${writable} and ${curator}) with check (${writable});`,
    );
    sql(
      `create policy resource_delete on resource for delete using (${readable} and ${writable} and ${curator});`,
    );
    sql(`create policy resource_version_read on resource_version for select using (${readable});`);
    sql(`
      create policy resource_version_insert on resource_version for insert with check (
        ${writable} and created_by = ${viewer}
        and exists (
          select 1 from resource r where r.id = resource_id and r.space_id = resource_version.space_id
            and r.organisation_id = resource_version.organisation_id
            and (r.created_by = ${viewer} or alany.viewer_role_rank(r.organisation_id) >= 2)
        )
      );`);
    sql(
      `create policy file_upload_owner on file_upload for all using (user_id = ${viewer}) with check (user_id = ${viewer});`,
    );

    sql(`grant select, insert, update, delete on resource to alany_app;`);
    sql(`grant select, insert on resource_version to alany_app;`);
    sql(`grant select, insert, delete on file_upload to alany_app;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists file_upload, resource_version, resource cascade;`);
    this.addSql(`drop function if exists alany.take_expired_uploads(timestamptz);`);
    this.addSql(`drop function if exists alany.tags_text(text[]);`);
    this.addSql(`drop type if exists resource_language, resource_kind;`);
  }
}
