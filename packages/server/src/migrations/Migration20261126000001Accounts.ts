import { Migration } from '@mikro-orm/migrations';

export class Migration20261126000001Accounts extends Migration {
  override async up(): Promise<void> {
    // The application role reads and writes rows; it owns nothing and never bypasses RLS.
    this.addSql(`grant usage on schema public to alany_app;`);
    this.addSql(`create type locale as enum ('kk', 'ru', 'en');`);
    this.addSql(`
      create table app_user (
        id uuid primary key,
        email text not null unique,
        display_name text not null,
        password_hash text not null,
        locale locale not null,
        created_at timestamptz not null,
        updated_at timestamptz not null
      );`);
    this.addSql(`
      create table user_session (
        id uuid primary key,
        user_id uuid not null references app_user (id) on update cascade on delete cascade,
        token_hash text not null unique,
        user_agent text null,
        created_at timestamptz not null,
        last_seen_at timestamptz not null,
        expires_at timestamptz not null,
        revoked_at timestamptz null
      );`);
    this.addSql(`create index user_session_user_id_index on user_session (user_id);`);
    this.addSql(`grant select, insert, update on app_user to alany_app;`);
    this.addSql(`grant select, insert, update, delete on user_session to alany_app;`);
    this.addSql(`grant select on mikro_orm_migrations to alany_app;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists user_session;`);
    this.addSql(`drop table if exists app_user;`);
    this.addSql(`drop type if exists locale;`);
  }
}
