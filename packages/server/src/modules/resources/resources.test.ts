import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShortUnitOfWork } from '../../platform/database/unit-of-work.js';
import { LocalFileStorage } from '../../platform/storage/local.js';
import { startTestServer, type TestClient, type TestServer } from '../../test/harness.js';
import { pdfWithText } from '../../test/fixtures/pdf.js';
import { createOrganisation, person, type Person } from '../../test/tenants.js';
import { sweepExpiredUploads } from './resources.service.js';

let server: TestServer;
let steward: Person;
let peer: Person;
let stranger: Person;
let stewardOrg: { id: string; slug: string };
let peerOrg: { id: string; slug: string };
let network: { id: string; slug: string };
let networkSpaceId: string;
let privateSpaceId: string;
let publicSpaceId: string;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const CREATE = `mutation($input: CreateResourceInput!) { createResource(input: $input) { resource { id title kind language tags url versionCount } } }`;
const ADD_VERSION = `mutation($input: AddResourceVersionInput!) {
  addResourceVersion(input: $input) {
    resource { id versionCount latestVersion { id number } }
    version { id number note fileName size mediaType sha256 url downloadUrl author { id } }
  }
}`;

async function createSpace(
  owner: Person,
  organisationId: string,
  visibility: string,
  networkId?: string,
) {
  const data = await owner.client.ok(
    `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`,
    { input: { organisationId, name: `${visibility} library`, visibility, networkId } },
  );
  return data.createSpace.space.id as string;
}

async function createResource(client: TestClient, input: Record<string, unknown>) {
  const data = await client.ok(CREATE, {
    input: { kind: 'DOCUMENT', language: 'EN', description: '', ...input },
  });
  return data.createResource.resource;
}

/** Files under the server's storage folder, without the folder for files being written. */
function storedFiles(): string[] {
  const root = path.join(server.dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((name) =>
    fs.statSync(path.join(root, name)).isFile(),
  );
}

async function uploadRowCount(): Promise<number> {
  const owner = new pg.Client({ connectionString: server.db.ownerUrl });
  await owner.connect();
  try {
    return (await owner.query('select count(*)::int as n from file_upload')).rows[0].n as number;
  } finally {
    await owner.end();
  }
}

beforeAll(async () => {
  server = await startTestServer({ ALANY_MAX_UPLOAD_MB: '2' });
  steward = await person(server, 'Steward');
  peer = await person(server, 'Peer');
  stranger = await person(server, 'Stranger');
  stewardOrg = await createOrganisation(steward, 'Steward');
  peerOrg = await createOrganisation(peer, 'Peer');
  await createOrganisation(stranger, 'Stranger');
  network = (
    await steward.client.ok(
      `mutation($input: CreateNetworkInput!) { createNetwork(input: $input) { network { id slug } } }`,
      {
        input: {
          organisationId: stewardOrg.id,
          name: 'Integrity Network',
          slug: `lib-${Date.now().toString(36)}`,
        },
      },
    )
  ).createNetwork.network;
  const invitation = await steward.client.ok(
    `mutation($input: InviteOrganisationToNetworkInput!) { inviteOrganisationToNetwork(input: $input) { invitation { id } } }`,
    { input: { networkId: network.id, organisationSlug: peerOrg.slug } },
  );
  await peer.client.ok(
    `mutation($id: ID!) { acceptNetworkInvitation(input: { invitationId: $id }) { invitation { acceptedAt } } }`,
    { id: invitation.inviteOrganisationToNetwork.invitation.id },
  );
  networkSpaceId = await createSpace(steward, stewardOrg.id, 'NETWORK', network.id);
  privateSpaceId = await createSpace(steward, stewardOrg.id, 'ORGANISATION');
  publicSpaceId = await createSpace(steward, stewardOrg.id, 'PUBLIC');
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe('resources and their files', () => {
  it('stores a PDF as a version: type told by the bytes, SHA-256, and the same bytes back for a network peer', async () => {
    const resource = await createResource(steward.client, {
      spaceId: networkSpaceId,
      title: 'Integrity pact toolkit',
      kind: 'TOOLKIT',
      language: 'RU',
      tags: ['Procurement', 'procurement', 'Pacts'],
    });
    expect(resource.tags).toEqual(['procurement', 'pacts']);
    const pdf = pdfWithText([
      'Integrity pact for district procurement',
      'Whistleblower channel quokka',
    ]);
    // The name says text; the bytes say PDF, and the bytes win.
    const uploaded = await steward.client.upload('pact.txt', pdf);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      fileName: 'pact.txt',
      size: pdf.length,
      mediaType: 'application/pdf',
      sha256: sha256(pdf),
    });
    const added = await steward.client.ok(ADD_VERSION, {
      input: { resourceId: resource.id, uploadId: uploaded.body.uploadId, note: 'Signed edition' },
    });
    const version = added.addResourceVersion.version;
    expect(version).toMatchObject({
      number: 1,
      note: 'Signed edition',
      fileName: 'pact.txt',
      size: pdf.length,
      mediaType: 'application/pdf',
      sha256: sha256(pdf),
      url: null,
      downloadUrl: `/files/${version.id}`,
      author: { id: steward.id },
    });
    expect(added.addResourceVersion.resource).toMatchObject({
      versionCount: 1,
      latestVersion: { id: version.id, number: 1 },
    });

    // A member of another organisation in the network finds it in the network's library…
    const library = await peer.client.ok(
      `query($slug: String!) { network(slug: $slug) { resources(first: 10) { edges { node { id title latestVersion { sha256 downloadUrl } } } } } }`,
      { slug: network.slug },
    );
    const found = library.network.resources.edges.map((e: { node: { id: string } }) => e.node);
    expect(found).toEqual([
      expect.objectContaining({
        id: resource.id,
        latestVersion: { sha256: sha256(pdf), downloadUrl: version.downloadUrl },
      }),
    ]);
    // …and downloads exactly the same bytes, as an attachment that is never sniffed.
    const download = await peer.client.fetch(version.downloadUrl);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="pact.txt"; filename*=UTF-8''pact.txt`,
    );
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(sha256(new Uint8Array(await download.arrayBuffer()))).toBe(sha256(pdf));

    // Someone outside the network gets nothing: not the resource, not the library, not the file.
    const outsider = await stranger.client.ok(`query($id: ID!) { resource(id: $id) { id } }`, {
      id: resource.id,
    });
    expect(outsider.resource).toBeNull();
    expect((await stranger.client.fetch(version.downloadUrl)).status).toBe(404);
    expect((await server.client().fetch(version.downloadUrl)).status).toBe(404);
  });

  it('finds resources by the words inside their PDF, in the library and in the site search', async () => {
    const inLibrary = await peer.client.ok(
      `query { resources(filter: { query: "quokka" }) { edges { node { title } } } }`,
    );
    expect(inLibrary.resources.edges).toEqual([{ node: { title: 'Integrity pact toolkit' } }]);
    const search = await peer.client.ok(
      `query { search(query: "quokka") { edges { node { kind thread { id } resource { title } snippetHtml } } } }`,
    );
    expect(search.search.edges).toHaveLength(1);
    expect(search.search.edges[0].node).toMatchObject({
      kind: 'RESOURCE',
      thread: null,
      resource: { title: 'Integrity pact toolkit' },
    });
    expect(search.search.edges[0].node.snippetHtml).toContain('<mark>quokka</mark>');
    const byTag = await peer.client.ok(
      `query { resources(filter: { tag: "pacts", kind: TOOLKIT, language: RU }) { edges { node { title } } } }`,
    );
    expect(byTag.resources.edges).toHaveLength(1);
    const other = await peer.client.ok(
      `query { resources(filter: { tag: "pacts", kind: TEMPLATE }) { edges { node { title } } } }`,
    );
    expect(other.resources.edges).toEqual([]);
    expect(
      (await stranger.client.ok(`query { search(query: "quokka") { edges { node { kind } } } }`))
        .search.edges,
    ).toEqual([]);
  });

  it('keeps every version, newest first, and serves an executable only as a download', async () => {
    const resource = await createResource(steward.client, {
      spaceId: privateSpaceId,
      title: 'Code of conduct',
    });
    const first = await steward.client.upload('code.txt', 'Version one of the code of conduct');
    await steward.client.ok(ADD_VERSION, {
      input: { resourceId: resource.id, uploadId: first.body.uploadId },
    });
    const elf = Buffer.concat([
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
      Buffer.alloc(120, 1),
    ]);
    const second = await steward.client.upload('setup.exe', elf);
    expect(second.body.mediaType).toBe('application/x-elf');
    await steward.client.ok(ADD_VERSION, {
      input: { resourceId: resource.id, uploadId: second.body.uploadId, note: 'Installer' },
    });
    await steward.client.ok(ADD_VERSION, {
      input: { resourceId: resource.id, url: 'https://example.org/code', note: 'Online edition' },
    });
    const data = await steward.client.ok(
      `query($id: ID!) { resource(id: $id) { versionCount versions(first: 10) { edges { node { number note fileName url downloadUrl } } } } }`,
      { id: resource.id },
    );
    expect(data.resource.versionCount).toBe(3);
    expect(data.resource.versions.edges.map((e: { node: unknown }) => e.node)).toEqual([
      {
        number: 3,
        note: 'Online edition',
        fileName: null,
        url: 'https://example.org/code',
        downloadUrl: null,
      },
      expect.objectContaining({ number: 2, fileName: 'setup.exe' }),
      expect.objectContaining({ number: 1, fileName: 'code.txt' }),
    ]);
    const installer = data.resource.versions.edges[1].node.downloadUrl;
    const response = await steward.client.fetch(installer);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="setup.exe"/,
    );
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
  });

  it('lets anyone read and download what is in a PUBLIC space, without signing in', async () => {
    const resource = await createResource(steward.client, {
      spaceId: publicSpaceId,
      title: 'Open study',
    });
    const file = await steward.client.upload('Исследование 2026.txt', 'Открытое исследование');
    const added = await steward.client.ok(ADD_VERSION, {
      input: { resourceId: resource.id, uploadId: file.body.uploadId },
    });
    const anonymous = server.client();
    const data = await anonymous.ok(
      `query($id: ID!) { resource(id: $id) { title latestVersion { downloadUrl } } }`,
      {
        id: resource.id,
      },
    );
    expect(data.resource.title).toBe('Open study');
    const download = await anonymous.fetch(data.resource.latestVersion.downloadUrl);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    // An ASCII fallback for old clients, the exact name for the rest (RFC 6266).
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="____________ 2026.txt"; filename*=UTF-8''${encodeURIComponent('Исследование 2026.txt')}`,
    );
    expect(await download.text()).toBe('Открытое исследование');
    expect(added.addResourceVersion.version.fileName).toBe('Исследование 2026.txt');
    // Reading is not writing: an anonymous visitor cannot add anything.
    const refused = await anonymous.request(CREATE, {
      input: {
        spaceId: publicSpaceId,
        title: 'Spam',
        kind: 'LINK',
        language: 'EN',
        url: 'https://spam.example',
      },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses addresses that are not http(s), and asks for one of upload or address', async () => {
    for (const url of [
      'javascript:alert(1)',
      'ftp://example.org/file',
      'not a url',
      'file:///etc/passwd',
    ]) {
      const result = await steward.client.request(CREATE, {
        input: { spaceId: privateSpaceId, title: 'Link', kind: 'LINK', language: 'EN', url },
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'url', reason: 'INVALID_URL' }],
      });
    }
    const noUrl = await steward.client.request(CREATE, {
      input: { spaceId: privateSpaceId, title: 'Link', kind: 'LINK', language: 'EN' },
    });
    expect(noUrl.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ field: 'url', reason: 'REQUIRED' }),
    ]);
    const resource = await createResource(steward.client, {
      spaceId: privateSpaceId,
      title: 'Versions',
    });
    const neither = await steward.client.request(ADD_VERSION, {
      input: { resourceId: resource.id },
    });
    expect(neither.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const ftp = await steward.client.request(ADD_VERSION, {
      input: { resourceId: resource.id, url: 'ftp://example.org/x' },
    });
    expect(ftp.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ field: 'url', reason: 'INVALID_URL' }),
    ]);
    const after = await steward.client.ok(
      `query($id: ID!) { resource(id: $id) { versionCount } }`,
      {
        id: resource.id,
      },
    );
    expect(after.resource.versionCount).toBe(0);
  });

  it('answers 413 for a file over the limit and keeps nothing, whether or not the size was announced', async () => {
    const filesBefore = storedFiles();
    const rowsBefore = await uploadRowCount();
    const big = Buffer.alloc(3 * 1024 * 1024, 7);
    const announced = await steward.client.upload('big.bin', big);
    expect(announced.status).toBe(413);
    expect(announced.body.errors[0]).toMatchObject({
      message: 'A file can be at most 2 MB.',
      extensions: { code: 'PAYLOAD_TOO_LARGE' },
    });
    // Streamed without a length: the limit is found while reading.
    const boundary = 'alanyboundary';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    const tail = `\r\n--${boundary}--\r\n`;
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        server.url.replace('localhost', '127.0.0.1') + '/files',
        {
          method: 'POST',
          headers: {
            cookie: steward.client.cookie ?? '',
            'x-alany-upload': '1',
            'content-type': `multipart/form-data; boundary=${boundary}`,
            'transfer-encoding': 'chunked',
          },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      request.write(head);
      for (let i = 0; i < 3; i += 1) request.write(Buffer.alloc(1024 * 1024, 9));
      request.end(tail);
    });
    expect(status).toBe(413);
    expect(storedFiles()).toEqual(filesBefore);
    expect(await uploadRowCount()).toBe(rowsBefore);
  });

  it('leaves no file and no upload when the client goes away mid-file', async () => {
    const filesBefore = storedFiles();
    const rowsBefore = await uploadRowCount();
    const boundary = 'cutboundary';
    await new Promise<void>((resolve) => {
      const request = http.request(server.url.replace('localhost', '127.0.0.1') + '/files', {
        method: 'POST',
        headers: {
          cookie: steward.client.cookie ?? '',
          'x-alany-upload': '1',
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(1024 * 1024),
        },
      });
      request.on('error', () => resolve());
      request.write(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.bin"\r\n\r\n`,
      );
      request.write(Buffer.alloc(200 * 1024, 3), () => {
        setTimeout(() => {
          request.destroy();
          resolve();
        }, 200);
      });
    });
    // The server notices the closed socket and cleans up.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(storedFiles()).toEqual(filesBefore);
    expect(await uploadRowCount()).toBe(rowsBefore);
  });

  it('lets only its author or a moderator change or delete a resource, and deletes its files', async () => {
    const resource = await createResource(peer.client, {
      spaceId: networkSpaceId,
      title: "Peer's template",
      kind: 'TEMPLATE',
    });
    const file = await peer.client.upload('template.txt', 'Template text');
    await peer.client.ok(ADD_VERSION, {
      input: { resourceId: resource.id, uploadId: file.body.uploadId },
    });
    const filesWithIt = storedFiles();
    // Another network member may read it, but not change it.
    const denied = await stranger.client.request(
      `mutation($id: ID!) { updateResource(input: { id: $id, title: "Mine" }) { resource { id } } }`,
      { id: resource.id },
    );
    expect(denied.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const viewer = await steward.client.ok(
      `query($id: ID!) { resource(id: $id) { viewerCan { update } } }`,
      {
        id: resource.id,
      },
    );
    // The steward's owner is a moderator of the space's owning organisation.
    expect(viewer.resource.viewerCan.update).toBe(true);
    const updated = await peer.client.ok(
      `mutation($id: ID!) { updateResource(input: { id: $id, title: "Procurement template", tags: ["Tender"] }) { resource { title tags } } }`,
      { id: resource.id },
    );
    expect(updated.updateResource.resource).toEqual({
      title: 'Procurement template',
      tags: ['tender'],
    });
    await steward.client.ok(
      `mutation($id: ID!) { deleteResource(input: { id: $id }) { deletedResourceId } }`,
      {
        id: resource.id,
      },
    );
    expect(storedFiles().length).toBe(filesWithIt.length - 1);
    const audit = await steward.client.ok(
      `query($o: ID!) { auditEvents(organisationId: $o, first: 5) { edges { node { action } } } }`,
      { o: stewardOrg.id },
    );
    expect(
      audit.auditEvents.edges.map((e: { node: { action: string } }) => e.node.action),
    ).toContain('resource.deleted');
  });

  it('removes uploads nobody claimed within a day, bytes and all', async () => {
    const orphan = await peer.client.upload('orphan.txt', 'Never claimed');
    const owner = new pg.Client({ connectionString: server.db.ownerUrl });
    await owner.connect();
    const key = (
      await owner.query(
        `update file_upload set created_at = now() - interval '2 days' where id = $1 returning storage_key`,
        [orphan.body.uploadId],
      )
    ).rows[0].storage_key as string;
    await owner.end();
    const storage = new LocalFileStorage(path.join(server.dataDir, 'files'));
    expect(fs.existsSync(path.join(server.dataDir, 'files', key))).toBe(true);
    const removed = await sweepExpiredUploads(
      new ShortUnitOfWork(server.alany.orm, () => ({})),
      storage,
    );
    expect(removed).toBe(1);
    expect(fs.existsSync(path.join(server.dataDir, 'files', key))).toBe(false);
    const claim = await peer.client.request(ADD_VERSION, {
      input: {
        resourceId: (await createResource(peer.client, { spaceId: networkSpaceId, title: 'Late' }))
          .id,
        uploadId: orphan.body.uploadId,
      },
    });
    expect(claim.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ field: 'uploadId', reason: 'UPLOAD_NOT_FOUND' }),
    ]);
  });

  it('tells space subscribers about new resources and versions', async () => {
    const ws = steward.client.websocket();
    const events: Array<{ kind: string; resourceId: string | null; versionId: string | null }> = [];
    const done = new Promise<void>((resolve, reject) => {
      ws.subscribe(
        {
          query: `subscription($s: ID!) { spaceActivity(spaceId: $s) { kind resourceId versionId } }`,
          variables: { s: privateSpaceId },
        },
        {
          next: (value) => {
            events.push((value.data as { spaceActivity: (typeof events)[number] }).spaceActivity);
            if (events.length === 2) resolve();
          },
          error: reject,
          complete: () => undefined,
        },
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const resource = await createResource(steward.client, {
      spaceId: privateSpaceId,
      title: 'Live',
    });
    const added = await steward.client.ok(ADD_VERSION, {
      input: { resourceId: resource.id, url: 'https://example.org/live' },
    });
    await done;
    await ws.dispose();
    expect(events).toEqual([
      { kind: 'RESOURCE_ADDED', resourceId: resource.id, versionId: null },
      {
        kind: 'RESOURCE_VERSION_ADDED',
        resourceId: resource.id,
        versionId: added.addResourceVersion.version.id,
      },
    ]);
  });
});
