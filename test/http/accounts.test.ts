import { afterEach, describe, expect, it } from 'vitest';
import { rawBrief } from '../helpers/fixtures.js';
import { PASSWORD, cookieOf, officeApp, type Request } from '../helpers/accounts.js';
import { testApp } from '../helpers/app.js';

const PROFILE = {
  parentOrg: 'UBND HUYỆN NGHI XUÂN',
  org: 'ỦY BAN NHÂN DÂN XÃ XUÂN AN',
  orgName: 'Ủy ban nhân dân xã Xuân An',
  place: 'Xuân An',
  symbolSuffix: 'UBND',
  signers: [],
  copies: [],
};

let env: Awaited<ReturnType<typeof officeApp>>;
let loopback: Awaited<ReturnType<typeof testApp>> | undefined;
afterEach(async () => {
  await env?.ctx.close();
  env = undefined as never;
  await loopback?.close();
  loopback = undefined;
});

async function json(res: Response | Promise<Response>): Promise<any> {
  return (await res).json();
}

/** A drafted draft of `request`'s user, with the id of its first paragraph. */
async function draftOf(request: Request) {
  const created = await request('/api/drafts', { method: 'POST', json: { brief: rawBrief() } });
  expect(created.status).toBe(201);
  const { id } = await created.json();
  expect((await request(`/api/drafts/${id}/draft`, { method: 'POST' })).status).toBe(200);
  const detail = await json(request(`/api/drafts/${id}`));
  const paragraph = detail.sections.find((s: any) => s.paragraphs.length > 0).paragraphs[0];
  return { id: id as string, pid: paragraph.id as number, rid: paragraph.current.id as number };
}

/** Every route of the API a draft id and a paragraph id can fill in, with a body it would accept. */
function draftRoutes(id: string, pid: number, rid: number): [string, string, unknown?][] {
  return [
    ['GET', `/api/drafts/${id}`],
    ['PATCH', `/api/drafts/${id}`, { title: 'Tên mới' }],
    ['PUT', `/api/drafts/${id}/brief`, { brief: rawBrief() }],
    ['POST', `/api/drafts/${id}/duplicate`, {}],
    ['POST', `/api/drafts/${id}/draft`],
    ['POST', `/api/drafts/${id}/sections/ket-qua/draft`],
    ['PUT', `/api/drafts/${id}/paragraphs/${pid}`, { text: 'Đoạn văn sửa tay.' }],
    ['POST', `/api/drafts/${id}/paragraphs/${pid}/redraft`, {}],
    ['GET', `/api/drafts/${id}/paragraphs/${pid}/revisions`],
    ['POST', `/api/drafts/${id}/paragraphs/${pid}/current`, { revisionId: rid }],
    ['POST', `/api/drafts/${id}/check`],
    ['GET', `/api/drafts/${id}/nd30`],
    ['GET', `/api/drafts/${id}/export.docx`],
    ['GET', `/api/drafts/${id}/history`],
    ['GET', `/api/drafts/${id}/standing`],
    ['POST', `/api/drafts/${id}/share`, { shared: true }],
    ['POST', `/api/drafts/${id}/approve`],
    ['GET', `/api/drafts/${id}/comments`],
    ['POST', `/api/drafts/${id}/comments`, { text: 'Góp ý' }],
    ['DELETE', `/api/drafts/${id}`],
  ];
}

function send(request: Request, [method, path, body]: [string, string, unknown?]) {
  return request(path, { method, ...(body !== undefined ? { json: body } : {}) });
}

describe('on a network address, without a session', () => {
  it('answers 401 on every route but the login page, its assets, health and logging in', async () => {
    env = await officeApp(['cv']);
    const { id, pid, rid } = await draftOf(env.as.cv);
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/drafts'],
      ['POST', '/api/drafts', { brief: rawBrief() }],
      ...draftRoutes(id, pid, rid),
      ['GET', '/api/templates'],
      ['GET', '/api/schema/brief.json'],
      ['POST', '/api/conversations', {}],
      ['GET', '/api/conversations/x'],
      ['POST', '/api/conversations/x/messages', { text: 'chào' }],
      ['POST', '/api/nd30/check'],
      ['GET', '/api/profile'],
      ['PUT', '/api/profile', {}],
      ['GET', '/api/profile/prefill?template=bao-cao'],
      ['DELETE', '/api/session'],
      ['PUT', '/api/session/password', { currentPassword: PASSWORD, password: 'một câu mật khẩu mới dài' }],
      ['GET', '/api/users'],
      ['POST', '/api/users', { username: 'moi', role: 'quan-tri', password: PASSWORD }],
      ['POST', `/api/users/${env.ids.cv}/password`, { password: PASSWORD }],
      ['PATCH', `/api/users/${env.ids.cv}`, { active: false }],
      ['GET', '/api/audit.csv'],
      ['GET', '/api/deleted-drafts'],
      ['POST', `/api/deleted-drafts/${id}/restore`],
    ];
    for (const route of routes) {
      const res = await send(env.anonymous, route);
      expect(res.status, route.slice(0, 2).join(' ')).toBe(401);
      expect((await res.json()).error.message).toContain('Cần đăng nhập');
    }
    // Nothing was changed by any of them.
    const still = await json(env.as.cv(`/api/drafts/${id}`));
    expect(still.title).not.toBe('Tên mới');
    expect((await json(env.as.cv('/api/drafts'))).drafts).toHaveLength(1);

    const page = await env.anonymous('/');
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/dang-nhap');
    for (const open of ['/dang-nhap', '/assets/login.js', '/assets/app.css', '/api/health']) expect((await env.anonymous(open)).status, open).toBe(200);
    expect(await json(env.anonymous('/api/session'))).toMatchObject({ loggedIn: false, loginRequired: true, user: null });
  });
});

describe('logging in and out', () => {
  it('sets an httpOnly SameSite=Lax cookie, says who is logged in, and ends the session in the store on logout', async () => {
    env = await officeApp(['cv']);
    const res = await env.login('ChuyenVien');
    const set = res.headers.get('set-cookie')!;
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    expect(set).not.toMatch(/Secure/i);
    const cookie = cookieOf(res);
    const me = await json(env.withCookie(cookie)('/api/session'));
    expect(me).toMatchObject({ loggedIn: true, user: { username: 'chuyenvien', office: 'UBND-A', role: 'chuyen-vien', roleLabel: 'Chuyên viên' } });
    const out = await env.withCookie(cookie)('/api/session', { method: 'DELETE' });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/soanthao-phien=;/);
    // The same cookie, kept by a thief, no longer works: the session is gone from the store.
    expect((await env.withCookie(cookie)('/api/drafts')).status).toBe(401);
  });

  it('is Secure behind an HTTPS proxy that soanthao trusts', async () => {
    env = await officeApp([]);
    await env.ctx.close();
    const ctx = await testApp(undefined, { requireLogin: true, security: { allowedHosts: ['soanthao.ubnd.example.vn'], trustProxy: true } });
    env = { ...env, ctx };
    const { AccountStore } = await import('../../server/store/account-store.js');
    const { hashPassword } = await import('../../server/auth/password.js');
    await new AccountStore(ctx.store.db).create({ username: 'quantri', officeCode: 'UBND-A', role: 'quan-tri', passwordHash: await hashPassword(PASSWORD, { ln: 10, r: 8, p: 1 }) });
    const res = await ctx.request('/api/session', {
      method: 'POST',
      json: { username: 'quantri', password: PASSWORD },
      headers: { Host: 'soanthao.ubnd.example.vn', 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'soanthao.ubnd.example.vn', 'X-Forwarded-For': '10.1.2.3' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/^__Host-soanthao-phien=[^;]+;.*Secure/i);
    // The audit trail names the address the proxy saw.
    const login = await ctx.store.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'login').executeTakeFirstOrThrow();
    expect(login).toMatchObject({ username: 'quantri', address: '10.1.2.3', office_id: 'UBND-A' });
  });

  it('gives a wrong name and a wrong password one answer, records both, and locks the name after repeated failures', async () => {
    env = await officeApp(['cv', 'qt']);
    const unknown = await env.login('khongco', PASSWORD);
    const wrong = await env.login('chuyenvien', 'không phải mật khẩu này');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect((await unknown.json()).error.message).toBe((await wrong.json()).error.message);
    for (let i = 0; i < 4; i++) expect((await env.login('chuyenvien', `sai mật khẩu lần ${i}`)).status).toBe(401);
    const locked = await env.login('chuyenvien');
    expect(locked.status).toBe(429);
    expect((await locked.json()).error.message).toContain('tạm khóa');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // The administrator resetting the password lifts the lock.
    expect((await env.as.qt(`/api/users/${env.ids.cv}/password`, { method: 'POST', json: { password: `${PASSWORD} mới` } })).status).toBe(200);
    expect((await env.login('chuyenvien', `${PASSWORD} mới`)).status).toBe(200);
    const csv = await (await env.as.qt('/api/audit.csv')).text();
    expect(csv.match(/"login-failed"/g)?.length).toBeGreaterThanOrEqual(6);
  });

  it('ends every session of a user whose password changes, and refuses a disabled account', async () => {
    env = await officeApp(['cv', 'qt']);
    const second = cookieOf(await env.login('chuyenvien'));
    const reset = await env.as.qt(`/api/users/${env.ids.cv}/password`, { method: 'POST', json: { password: 'một mật khẩu mới thật dài' } });
    expect(reset.status).toBe(200);
    expect((await env.as.cv('/api/drafts')).status).toBe(401);
    expect((await env.withCookie(second)('/api/drafts')).status).toBe(401);
    expect((await env.login('chuyenvien', 'một mật khẩu mới thật dài')).status).toBe(200);
    expect((await env.as.qt(`/api/users/${env.ids.cv}`, { method: 'PATCH', json: { active: false } })).status).toBe(200);
    expect((await env.login('chuyenvien', 'một mật khẩu mới thật dài')).status).toBe(401);
  });
});

describe('changing one\'s own password', () => {
  it('needs the current password and a good new one, then ends every session of the user', async () => {
    env = await officeApp(['cv']);
    const other = cookieOf(await env.login('chuyenvien'));
    const change = (json: unknown) => env.as.cv('/api/session/password', { method: 'PUT', json });
    const wrong = await change({ currentPassword: 'không đúng mật khẩu này', password: 'một câu mật khẩu mới dài' });
    expect(wrong.status).toBe(422);
    expect((await wrong.json()).error.message).toBe('Mật khẩu hiện tại không đúng.');
    const weak = await change({ currentPassword: PASSWORD, password: 'ngắn' });
    expect(weak.status).toBe(422);
    expect((await weak.json()).error.issues[0].message).toContain('ít nhất 15 ký tự');
    // Nothing changed so far: both sessions still work.
    expect((await env.as.cv('/api/drafts')).status).toBe(200);
    const done = await change({ currentPassword: PASSWORD, password: 'một câu mật khẩu mới dài' });
    expect(done.status).toBe(204);
    expect(done.headers.get('set-cookie')).toMatch(/soanthao-phien=;/);
    expect((await env.as.cv('/api/drafts')).status).toBe(401);
    expect((await env.withCookie(other)('/api/drafts')).status).toBe(401);
    expect((await env.login('chuyenvien')).status).toBe(401);
    expect((await env.login('chuyenvien', 'một câu mật khẩu mới dài')).status).toBe(200);
  });
});

describe('offices', () => {
  it('lets no one of another office reach a draft: every route answers 404 exactly like a missing id', async () => {
    env = await officeApp(['cv', 'qtB', 'cvB']);
    const { id, pid, rid } = await draftOf(env.as.cv);
    const missing = draftRoutes('00000000-0000-4000-8000-000000000000', pid, rid);
    for (const [i, route] of draftRoutes(id, pid, rid).entries()) {
      for (const who of ['qtB', 'cvB'] as const) {
        const foreign = await send(env.as[who], route);
        const absent = await send(env.as[who], missing[i]!);
        expect(foreign.status, `${who} ${route[0]} ${route[1]}`).toBe(404);
        expect(await foreign.json()).toEqual(await absent.json());
      }
    }
    expect((await json(env.as.cvB('/api/drafts'))).drafts).toEqual([]);
    // The draft is untouched and still there for its author.
    const d = await json(env.as.cv(`/api/drafts/${id}`));
    expect(d.sections.flatMap((s: any) => s.paragraphs).find((p: any) => p.id === pid).revisionCount).toBe(1);
  });

  it('keeps each office its own profile, conversations and users', async () => {
    env = await officeApp(['qt', 'qtB']);
    const put = await env.as.qt('/api/profile', { method: 'PUT', json: PROFILE });
    expect(put.status, await put.clone().text()).toBe(200);
    expect((await json(env.as.qtB('/api/profile'))).profile).toBeNull();
    expect((await json(env.as.qt('/api/profile'))).profile.orgName).toBe('Ủy ban nhân dân xã Xuân An');

    const conversation = await json(env.as.qt('/api/conversations', { method: 'POST', json: {} }));
    expect((await env.as.qtB(`/api/conversations/${conversation.id}`)).status).toBe(404);
    expect((await env.as.qtB(`/api/conversations/${conversation.id}/messages`, { method: 'POST', json: { text: 'báo cáo' } })).status).toBe(404);
    expect((await env.as.qt(`/api/conversations/${conversation.id}`)).status).toBe(200);

    expect((await json(env.as.qtB('/api/users'))).users.map((u: any) => u.username)).toEqual(['quantrib']);
    expect((await env.as.qtB(`/api/users/${env.ids.qt}/password`, { method: 'POST', json: { password: 'mật khẩu của kẻ khác ơi' } })).status).toBe(404);
    expect((await env.as.qtB(`/api/users/${env.ids.qt}`, { method: 'PATCH', json: { active: false } })).status).toBe(404);
    expect((await env.login('quantri')).status).toBe(200);
  });
});

describe('roles within an office', () => {
  it('lets a clerk write their own drafts, others read them only once shared, and reviewers read, comment and approve', async () => {
    env = await officeApp(['cv', 'cv2', 'vt', 'ld', 'qt']);
    const { id, pid } = await draftOf(env.as.cv);
    // Not shared yet: a colleague and the administrator find nothing, the reviewers read it.
    for (const who of ['cv2', 'qt'] as const) {
      expect((await env.as[who](`/api/drafts/${id}`)).status, who).toBe(404);
      expect((await json(env.as[who]('/api/drafts'))).drafts, who).toEqual([]);
    }
    for (const who of ['vt', 'ld'] as const) {
      expect((await env.as[who](`/api/drafts/${id}`)).status, who).toBe(200);
      expect((await json(env.as[who]('/api/drafts'))).drafts.map((d: any) => d.id), who).toEqual([id]);
    }
    // Only the author shares it.
    expect((await env.as.ld(`/api/drafts/${id}/share`, { method: 'POST', json: { shared: true } })).status).toBe(403);
    expect((await env.as.cv(`/api/drafts/${id}/share`, { method: 'POST', json: { shared: true } })).status).toBe(200);
    for (const who of ['cv2', 'qt', 'vt', 'ld'] as const) {
      expect((await env.as[who](`/api/drafts/${id}`)).status, who).toBe(200);
      // Reading is not writing: only the author changes the text.
      const edit = await env.as[who](`/api/drafts/${id}/paragraphs/${pid}`, { method: 'PUT', json: { text: 'Sửa trộm.' } });
      expect(edit.status, who).toBe(403);
      expect((await edit.json()).error.message).toContain('chỉ người soạn được sửa');
      expect((await env.as[who](`/api/drafts/${id}`, { method: 'DELETE' })).status, who).toBe(403);
    }
    // Approval is the reviewers'.
    for (const who of ['cv', 'cv2', 'qt'] as const) expect((await env.as[who](`/api/drafts/${id}/approve`, { method: 'POST' })).status, who).toBe(403);
    const approved = await json(env.as.ld(`/api/drafts/${id}/approve`, { method: 'POST' }));
    expect(approved.approvedBy).toBe('lanhdao');
    expect(await json(env.as.cv(`/api/drafts/${id}/standing`))).toMatchObject({ approvedBy: 'lanhdao', shared: true, mine: true });
    // Everyone who reads it may comment on it.
    expect((await env.as.vt(`/api/drafts/${id}/comments`, { method: 'POST', json: { text: 'Đề nghị bổ sung số liệu quý IV.' } })).status).toBe(201);
    expect((await json(env.as.cv(`/api/drafts/${id}/comments`))).comments).toMatchObject([{ username: 'vanthu', text: 'Đề nghị bổ sung số liệu quý IV.' }]);
    // The author still writes.
    expect((await env.as.cv(`/api/drafts/${id}/paragraphs/${pid}`, { method: 'PUT', json: { text: 'Đoạn do người soạn sửa.' } })).status).toBe(200);
  });

  it('keeps users, the office profile, the audit trail and recovery to the administrator', async () => {
    env = await officeApp(['cv', 'vt', 'ld', 'qt']);
    for (const who of ['cv', 'vt', 'ld'] as const) {
      for (const route of [
        ['GET', '/api/users'],
        ['POST', '/api/users', { username: 'moi', role: 'quan-tri', password: PASSWORD }],
        ['POST', `/api/users/${env.ids.cv}/password`, { password: 'mật khẩu do kẻ khác đặt' }],
        ['PATCH', `/api/users/${env.ids.qt}`, { active: false }],
        ['GET', '/api/audit.csv'],
        ['GET', '/api/deleted-drafts'],
        ['POST', '/api/deleted-drafts/x/restore'],
        ['PUT', '/api/profile', PROFILE],
      ] as [string, string, unknown?][]) {
        expect((await send(env.as[who], route)).status, `${who} ${route[0]} ${route[1]}`).toBe(403);
      }
      expect((await env.as[who]('/api/profile')).status).toBe(200);
    }
    const created = await env.as.qt('/api/users', { method: 'POST', json: { username: 'NguoiMoi', role: 'lanh-dao', password: PASSWORD } });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ username: 'nguoimoi', office: 'UBND-A', role: 'lanh-dao', active: true });
    const weak = await env.as.qt('/api/users', { method: 'POST', json: { username: 'yeu', role: 'chuyen-vien', password: 'ngắn' } });
    expect(weak.status).toBe(422);
    expect((await weak.json()).error.issues[0].message).toContain('ít nhất 15 ký tự');
    expect((await env.as.qt('/api/users', { method: 'POST', json: { username: 'nguoimoi', role: 'chuyen-vien', password: PASSWORD } })).status).toBe(422);
    expect((await env.login('nguoimoi')).status).toBe(200);
    // An administrator cannot lock themselves out.
    expect((await env.as.qt(`/api/users/${env.ids.qt}`, { method: 'PATCH', json: { active: false } })).status).toBe(422);
    expect((await json(env.as.qt('/api/users'))).users.map((u: any) => u.username)).toEqual(['chuyenvien', 'lanhdao', 'nguoimoi', 'quantri', 'vanthu']);
  });
});

describe('the audit trail', () => {
  it('records every change with its author, address and revision, shows it per draft and exports it as CSV', async () => {
    env = await officeApp(['cv', 'ld', 'qt']);
    const { id, pid, rid } = await draftOf(env.as.cv);
    const edited = await json(env.as.cv(`/api/drafts/${id}/paragraphs/${pid}`, { method: 'PUT', json: { text: 'Đoạn do người soạn sửa.' } }));
    const redrafted = await json(env.as.cv(`/api/drafts/${id}/paragraphs/${pid}/redraft`, { method: 'POST', json: { instruction: 'ngắn hơn' } }));
    await env.as.cv(`/api/drafts/${id}/paragraphs/${pid}/current`, { method: 'POST', json: { revisionId: rid } });
    await env.as.cv(`/api/drafts/${id}`, { method: 'PATCH', json: { title: 'Báo cáo tháng 12' } });
    expect((await env.as.cv(`/api/drafts/${id}/export.docx`)).status).toBe(200);
    await env.as.cv(`/api/drafts/${id}/share`, { method: 'POST', json: { shared: true } });
    await env.as.ld(`/api/drafts/${id}/approve`, { method: 'POST' });

    const history = (await json(env.as.ld(`/api/drafts/${id}/history`))).history;
    expect(history.map((e: any) => e.action)).toEqual(['create', 'draft', 'edit', 'redraft', 'make-current', 'rename', 'export', 'share', 'approve']);
    expect(history.slice(0, -1).every((e: any) => e.username === 'chuyenvien')).toBe(true);
    expect(history.at(-1)).toMatchObject({ username: 'lanhdao', label: 'Duyệt' });
    expect(history.find((e: any) => e.action === 'edit')).toMatchObject({ paragraphId: pid, revisionId: edited.id, label: 'Sửa đoạn' });
    expect(history.find((e: any) => e.action === 'redraft')).toMatchObject({ revisionId: redrafted.id, detail: 'ngắn hơn' });
    expect(history.find((e: any) => e.action === 'make-current')).toMatchObject({ revisionId: rid });
    expect(history.find((e: any) => e.action === 'rename').detail).toBe('Báo cáo tháng 12');
    expect(history.find((e: any) => e.action === 'draft').detail).toBe('Mục: Phần mở đầu; KẾT QUẢ THỰC HIỆN; KẾ HOẠCH THỰC HIỆN NHIỆM VỤ TRONG THỜI GIAN TỚI; Phần kết thúc');
    expect(history.every((e: any) => /^\d{4}-\d{2}-\d{2}T/.test(e.at))).toBe(true);

    const csv = await env.as.qt('/api/audit.csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    // A byte order mark first, so a spreadsheet reads the Vietnamese right.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.startsWith('"Thời điểm","Người thực hiện","Địa chỉ"')).toBe(true);
    expect(text).toContain('"chuyenvien"');
    expect(text).toContain(`"${edited.id}"`);
    expect(text).toContain('"Đăng nhập"');
  });

  it('hides a deleted draft, records the deletion, and lets the administrator bring it back', async () => {
    env = await officeApp(['cv', 'ld', 'qt', 'qtB']);
    const { id } = await draftOf(env.as.cv);
    expect((await env.as.cv(`/api/drafts/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await env.as.cv(`/api/drafts/${id}`)).status).toBe(404);
    expect((await env.as.ld(`/api/drafts/${id}`)).status).toBe(404);
    expect((await json(env.as.cv('/api/drafts'))).drafts).toEqual([]);
    expect((await json(env.as.qtB('/api/deleted-drafts'))).drafts).toEqual([]);
    expect((await env.as.qtB(`/api/deleted-drafts/${id}/restore`, { method: 'POST' })).status).toBe(404);
    const deleted = (await json(env.as.qt('/api/deleted-drafts'))).drafts;
    expect(deleted).toMatchObject([{ id, deletedBy: 'chuyenvien' }]);
    expect(Date.parse(deleted[0].recoverableUntil) - Date.parse(deleted[0].deletedAt)).toBe(30 * 24 * 3600 * 1000);
    expect((await env.as.qt(`/api/deleted-drafts/${id}/restore`, { method: 'POST' })).status).toBe(200);
    const back = await json(env.as.cv(`/api/drafts/${id}`));
    expect(back.sections.some((s: any) => s.paragraphs.length > 0)).toBe(true);
    const history = (await json(env.as.cv(`/api/drafts/${id}/history`))).history;
    expect(history.slice(-2).map((e: any) => [e.action, e.username])).toEqual([
      ['delete', 'chuyenvien'],
      ['restore', 'quantri'],
    ]);
  });

  it('removes a draft deleted more than 30 days ago for good, keeping its history', async () => {
    env = await officeApp(['cv', 'qt']);
    const { id } = await draftOf(env.as.cv);
    expect((await env.as.cv(`/api/drafts/${id}`, { method: 'DELETE' })).status).toBe(204);
    const longAgo = new Date(Date.now() - 31 * 24 * 3600 * 1000).toISOString();
    await env.ctx.store.db.kysely.updateTable('drafts').set({ deleted_at: longAgo }).where('id', '=', id).execute();
    expect((await json(env.as.qt('/api/deleted-drafts'))).drafts).toEqual([]);
    expect((await env.as.qt(`/api/deleted-drafts/${id}/restore`, { method: 'POST' })).status).toBe(404);
    const db = env.ctx.store.db.kysely;
    expect(await db.selectFrom('drafts').select('id').where('id', '=', id).execute()).toEqual([]);
    expect(await db.selectFrom('paragraphs').select('id').where('draft_id', '=', id).execute()).toEqual([]);
    expect((await db.selectFrom('audit_events').select('action').where('draft_id', '=', id).execute()).map((r) => r.action)).toEqual(['create', 'draft', 'delete']);
  });

  it('cannot be changed or erased, even straight in the database', async () => {
    env = await officeApp(['cv']);
    const db = env.ctx.store.db.kysely;
    expect((await db.selectFrom('audit_events').select('id').execute()).length).toBeGreaterThan(0);
    await expect(db.updateTable('audit_events').set({ username: 'ai-do' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
  });
});

describe('on loopback, without accounts', () => {
  it('works for the one local user as before, and says so', async () => {
    loopback = await testApp();
    const session = await json(loopback.request('/api/session'));
    expect(session).toMatchObject({ loggedIn: false, local: true, loginRequired: false, user: { role: 'quan-tri', office: 'LOCAL' } });
    const created = await loopback.request('/api/drafts', { method: 'POST', json: { brief: rawBrief() } });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const history = (await json(loopback.request(`/api/drafts/${id}/history`))).history;
    expect(history).toMatchObject([{ action: 'create', username: 'người dùng trên máy này' }]);
    expect((await loopback.request('/')).status).toBe(200);
  });
});

