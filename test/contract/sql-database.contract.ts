import { SqlConnectionError, type SqlDatabase } from '@samabay/sql';
import { Gate, randomSchemaName, waitFor } from '../support';

/**
 * Behaviour both SqlDatabase adapters share, so code written against one runs on the other:
 * the same JavaScript types for each column type, transactions that commit or roll back as a whole,
 * LISTEN/NOTIFY delivered after commit, and SqlConnectionError once the database is closed.
 * `database()` returns the file's shared, open database.
 */
export function describeSqlDatabaseContract(name: string, database: () => SqlDatabase): void {
  describe(`SqlDatabase contract: ${name}`, () => {
    it('returns the same JavaScript types on every adapter', async () => {
      const { rows } = await database().query(
        `SELECT 9007199254740993::int8 AS big, 3::int4 AS small, 12.50::numeric AS amount, DATE '2024-03-31' AS business_date,
                TIMESTAMPTZ '2024-03-31T18:30:00Z' AS at, '{"paise": 1500, "name": "সোনাগাছি"}'::jsonb AS document,
                '6f1c1c36-8c3c-4a55-9a4b-0d7f2a1b9e11'::uuid AS id, true AS flag, NULL::text AS nothing`,
      );
      expect(rows[0]).toEqual({
        big: '9007199254740993',
        small: 3,
        amount: '12.50',
        business_date: '2024-03-31',
        at: new Date('2024-03-31T18:30:00Z'),
        document: { paise: 1500, name: 'সোনাগাছি' },
        id: '6f1c1c36-8c3c-4a55-9a4b-0d7f2a1b9e11',
        flag: true,
        nothing: null,
      });
    });

    it('binds parameters and reports affected rows; exec runs several statements', async () => {
      const schema = randomSchemaName('sqlc');
      const db = database();
      await db.exec(`CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.t (id int PRIMARY KEY, label text);`);
      try {
        const inserted = await db.query(`INSERT INTO ${schema}.t VALUES ($1, $2), ($3, $4)`, [1, 'one', 2, 'two']);
        expect(inserted.affectedRows).toBe(2);
        const updated = await db.query(`UPDATE ${schema}.t SET label = upper(label) WHERE id >= $1`, [1]);
        expect(updated.affectedRows).toBe(2);
        expect((await db.query(`SELECT label FROM ${schema}.t WHERE id = $1`, [2])).rows).toEqual([{ label: 'TWO' }]);
      } finally {
        await db.exec(`DROP SCHEMA ${schema} CASCADE`);
      }
    });

    it('commits a transaction when its work resolves and rolls all of it back when it throws', async () => {
      const schema = randomSchemaName('sqlc');
      const db = database();
      await db.exec(`CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.t (id int PRIMARY KEY);`);
      try {
        await expect(db.transaction(async (tx) => (await tx.query(`INSERT INTO ${schema}.t VALUES (1) RETURNING id`)).rows[0])).resolves.toEqual({ id: 1 });
        await expect(
          db.transaction(async (tx) => {
            await tx.query(`INSERT INTO ${schema}.t VALUES (2)`);
            throw new Error('work failed');
          }),
        ).rejects.toThrow('work failed');
        await expect(db.transaction((tx) => tx.query(`INSERT INTO ${schema}.t VALUES (3), (1)`))).rejects.toMatchObject({ code: '23505' });
        expect((await db.query(`SELECT id FROM ${schema}.t ORDER BY id`)).rows).toEqual([{ id: 1 }]);
      } finally {
        await db.exec(`DROP SCHEMA ${schema} CASCADE`);
      }
    });

    it('delivers a notification only once its transaction commits, and none after unlisten', async () => {
      const db = database();
      const channel = randomSchemaName('chan');
      const received: string[] = [];
      const listener = await db.listen(channel, (payload) => received.push(payload));
      const sent = new Gate();
      const committed = db.transaction(async (tx) => {
        await tx.query('SELECT pg_notify($1, $2)', [channel, 'in-transaction']);
        await sent.wait();
      });
      expect(received).toEqual([]);
      sent.open();
      await committed;
      await expect(db.transaction(async (tx) => {
        await tx.query('SELECT pg_notify($1, $2)', [channel, 'rolled-back']);
        throw new Error('roll back');
      })).rejects.toThrow('roll back');
      await db.query('SELECT pg_notify($1, $2)', [channel, 'outside']);
      await waitFor(() => received.length >= 2, 'two notifications');
      expect(received).toEqual(['in-transaction', 'outside']);
      await listener.unlisten();
      await listener.unlisten();
    });

    it('rejects a malformed channel name', async () => {
      await expect(database().listen('Bad Channel', () => undefined)).rejects.toThrow(/invalid SQL identifier/);
    });
  });
}

/** After `close()`, every call fails with SqlConnectionError. */
export async function expectClosedDatabaseFails(db: SqlDatabase): Promise<void> {
  await db.close();
  await expect(db.query('SELECT 1')).rejects.toBeInstanceOf(SqlConnectionError);
  await expect(db.transaction((tx) => tx.query('SELECT 1'))).rejects.toBeInstanceOf(SqlConnectionError);
}
