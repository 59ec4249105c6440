import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, connectChat, postJson, prepareTestData, startServer, type TestData } from './test-helpers/server-fixture.js';

let data: TestData;

beforeAll(async () => {
  data = await prepareTestData(['immigration', 'labour']);
});

afterAll(async () => {
  await data?.remove();
});

const HKID = 'A123456(3)';
const PHONE = '9123 4567';
const EMAIL = 'chan.tai.man@example.com';

describe('the database', () => {
  it('never holds personal data unmasked: questions, answers or comments', async () => {
    const dbFile = join(data.root, 'pii.sqlite');
    const { server, url } = await startServer(data, { dbFile });
    try {
      const { socket } = await connectChat(url, { bot: 'immigration' });
      const viaSocket = await ask(socket, { id: 'p1', text: `My HKID is ${HKID}, how do I replace a lost identity card? Call me on ${PHONE}` });
      expect(viaSocket.end).toBeDefined();
      const followUp = await ask(socket, { id: 'p2', text: `或者電郵 ${EMAIL} 俾我，電話 ${PHONE}，身份證 ${HKID}` });
      expect(followUp.end).toBeDefined();
      await new Promise((resolve) => {
        socket.once('feedback.ack', resolve);
        socket.emit('feedback', { id: 'p1', rating: 'down', comment: `Please phone ${PHONE} or email ${EMAIL}, HKID ${HKID}` });
      });
      socket.close();
      const viaRest = await postJson(`${url}/api/bots/immigration/ask`, {
        text: `What is the weather tomorrow? ${EMAIL} ${PHONE}`,
        history: [`earlier turn with ${HKID}`],
      });
      expect(viaRest.status).toBe(200);
    } finally {
      await server.close();
    }

    // Read the file directly, every table and column, plus the raw bytes of the file and its WAL.
    const db = new Database(dbFile, { readonly: true });
    try {
      const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>).map((t) => t.name);
      expect(tables).toEqual(expect.arrayContaining(['sessions', 'turns', 'feedback', 'unanswered']));
      const dump = JSON.stringify(tables.map((table) => db.prepare(`SELECT * FROM "${table}"`).all()));
      for (const raw of [HKID, 'A123456', PHONE, '91234567', EMAIL, 'chan.tai.man']) expect(dump).not.toContain(raw);
      for (const placeholder of ['[HKID]', '[PHONE]', '[EMAIL]']) expect(dump).toContain(placeholder);
      const turns = db.prepare(`SELECT question FROM turns ORDER BY id`).all() as Array<{ question: string }>;
      expect(turns[0]?.question).toBe('My HKID is [HKID], how do I replace a lost identity card? Call me on [PHONE]');
      const feedback = db.prepare(`SELECT comment FROM feedback`).get() as { comment: string };
      expect(feedback.comment).toBe('Please phone [PHONE] or email [EMAIL], HKID [HKID]');
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
    const bytes = (await readFile(dbFile)).toString('latin1') + (await readFile(`${dbFile}-wal`).catch(() => Buffer.alloc(0))).toString('latin1');
    for (const raw of [PHONE, EMAIL]) expect(bytes).not.toContain(raw);
  });

  it('resumes a conversation from the database after a restart', async () => {
    const dbFile = join(data.root, 'resume.sqlite');
    const first = await startServer(data, { dbFile });
    let session: string;
    try {
      const opened = await connectChat(first.url, { bot: 'immigration' });
      session = opened.session;
      await ask(opened.socket, { id: 'a1', text: '點樣申請護照' });
      opened.socket.close();
    } finally {
      await first.server.close();
    }

    const second = await startServer(data, { dbFile });
    try {
      const resumed = await connectChat(second.url, { bot: 'immigration', session });
      expect(resumed.session).toBe(session);
      const followUp = await ask(resumed.socket, { id: 'a2', text: '要幾多錢' });
      expect(followUp.sources?.sources[0]?.id ?? followUp.sources?.related[0]?.id).toBe('passport-fees');
      resumed.socket.close();
      // The REST API resumes the same stored conversation, and says it used the history.
      const rest = await postJson(`${second.url}/api/bots/immigration/ask`, { text: '要幾多錢', session });
      expect(rest.body.session).toBe(session);
      expect(rest.body.usedHistory).toBe(true);
      // The stored session belongs to immigration: another bot starts afresh.
      const labour = await connectChat(second.url, { bot: 'labour', session });
      expect(labour.session).not.toBe(session);
      labour.socket.close();
    } finally {
      await second.server.close();
    }
  });

  it('keeps answering when a database write fails, and counts the failure', async () => {
    const dbFile = join(data.root, 'failing.sqlite');
    const { server, url } = await startServer(data, { dbFile });
    try {
      // Another connection makes every write of a turn fail, as a full or broken disk would.
      const saboteur = new Database(dbFile);
      saboteur.exec(`CREATE TRIGGER fail_turns BEFORE INSERT ON turns BEGIN SELECT RAISE(ABORT, 'disk says no'); END;`);
      saboteur.close();

      const { socket } = await connectChat(url, { bot: 'immigration' });
      const events = await ask(socket, { id: 'd1', text: 'How much does an HKSAR passport cost?' });
      expect(events.end).toMatchObject({ id: 'd1', abstained: false });
      expect(events.text).toContain('HK$');
      // The in-memory session still carries the conversation for follow-ups.
      await ask(socket, { id: 'd2', text: '點樣申請護照' });
      const followUp = await ask(socket, { id: 'd3', text: '要幾多錢' });
      expect(followUp.sources?.sources[0]?.id ?? followUp.sources?.related[0]?.id).toBe('passport-fees');
      socket.close();
      const metrics = await (await fetch(`${url}/metrics`)).text();
      expect(metrics).toMatch(/govchat_db_errors_total\{op="save-turn"\} [1-9]/);
    } finally {
      await server.close();
    }
  });
});
