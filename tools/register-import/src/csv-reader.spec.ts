import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readRegister, REGISTER_COLUMNS, RegisterFormatError, type MalformedRecord, type RegisterRecord, type RegisterSource } from './csv-reader';

const HEADER = REGISTER_COLUMNS.join(',');
const row = (memberNo: string, name = 'Rekha Thapa') => `${memberNo},KLG,${name},23/04/1972,14/08/2021,9076238234,Kalighat Rd,Maya Bibi,mother,1,22728.25,6950.08,50,active`;

async function readAll(source: RegisterSource): Promise<(RegisterRecord | MalformedRecord)[]> {
  const items: (RegisterRecord | MalformedRecord)[] = [];
  for await (const item of readRegister(source)) items.push(item);
  return items;
}

const lines = (items: (RegisterRecord | MalformedRecord)[]) => items.map((item) => item.line);

describe('readRegister', () => {
  it('numbers data rows by physical line (header = line 1) and names cells by column', async () => {
    const items = await readAll({ text: `${HEADER}\n${row('KLG-000001')}\n${row('KLG-000002')}\n` });
    expect(lines(items)).toEqual([2, 3]);
    expect(items[0]).toEqual({ kind: 'record', line: 2, values: expect.objectContaining({ member_no: 'KLG-000001', full_name: 'Rekha Thapa', status: 'active' }) });
  });

  it('tolerates a byte-order mark and reads Bengali names intact', async () => {
    const items = await readAll({ text: `\uFEFF${HEADER}\n${row('KLG-000001', 'শান্তি সরকার')}\n` });
    expect(items).toHaveLength(1);
    expect((items[0] as RegisterRecord).values.member_no).toBe('KLG-000001');
    expect((items[0] as RegisterRecord).values.full_name).toBe('শান্তি সরকার');
  });

  it('reads a file whose header ends in CRLF and whose rows end in LF, row by row', async () => {
    const items = await readAll({ text: `${HEADER}\r\n${row('KLG-000001')}\n${row('KLG-000002')}\n` });
    expect(lines(items)).toEqual([2, 3]);
    expect(items.every((item) => item.kind === 'record')).toBe(true);
  });

  it('keeps a stray quote inside an unquoted field as part of the value instead of stopping the import', async () => {
    const items = (await readAll({ text: `${HEADER}\n${row('KLG-000001', 'Rina "Rani" Das')}\n${row('KLG-000002')}\n` })) as RegisterRecord[];
    expect(lines(items)).toEqual([2, 3]);
    expect(items[0].values.full_name).toBe('Rina "Rani" Das');
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, keeping later line numbers physical (LF and CRLF)', async () => {
    for (const eol of ['\n', '\r\n']) {
      const text = [HEADER, row('KLG-000001', '"Thapa, Rekha"'), row('KLG-000002', `"Rekha${eol}Thapa ""Didi"""`), row('KLG-000003'), row('KLG-000004', `"a${eol}b${eol}c"`), row('KLG-000005')].join(eol);
      const items = (await readAll({ text })) as RegisterRecord[];
      expect(lines(items)).toEqual([2, 3, 5, 6, 9]);
      expect(items[0].values.full_name).toBe('Thapa, Rekha');
      expect(items[1].values.full_name).toBe(`Rekha${eol}Thapa "Didi"`);
    }
  });

  it('numbers the last row by its own line when the file ends in a bare CR, and keeps the CR out of the value', async () => {
    const items = (await readAll({ text: `${HEADER}\n${row('KLG-000001')}\n${row('KLG-000002')}\r` })) as RegisterRecord[];
    expect(lines(items)).toEqual([2, 3]);
    expect(items[1].values.status).toBe('active');
  });

  it('reads a file whose lines all end in a bare CR (classic Mac) row by row', async () => {
    const items = (await readAll({ text: `${HEADER}\r${row('KLG-000001')}\r\r${row('KLG-000002', '"Rekha\rThapa"')}\r${row('KLG-000003')}\r` })) as RegisterRecord[];
    expect(lines(items)).toEqual([2, 4, 6]);
    expect(items[1].values.full_name).toBe('Rekha\rThapa');
    expect(items[2].values.status).toBe('active');
  });

  it('keeps CRLF line ends whole when a read chunk ends between the CR and the LF', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'register-'));
    try {
      const file = path.join(dir, 'crlf.csv');
      // createReadStream reads 64 KiB chunks: pad the first row so that its CR is the chunk's last byte.
      const first = `${HEADER}\r\n${row('KLG-000001', 'x'.repeat(65_536))}`;
      const padded = first.slice(0, first.length - (first.length + 1 - 65_536)) + '\r\n';
      expect(Buffer.byteLength(padded)).toBe(65_537);
      writeFileSync(file, `${padded}${row('KLG-000002')}\r\n${row('KLG-000003')}\r\n`);
      const items = await readAll({ path: file });
      expect(items.map((item) => [item.kind, item.line])).toEqual([
        ['malformed', 2],
        ['record', 3],
        ['record', 4],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('skips blank lines and all-blank rows without renumbering the rest', async () => {
    const items = await readAll({ text: `${HEADER}\n\n${row('KLG-000001')}\n${','.repeat(13)}\n\n${row('KLG-000002')}` });
    expect(lines(items)).toEqual([3, 6]);
  });

  it('matches columns by header name in any order and case, ignoring extra columns', async () => {
    const reordered = [...REGISTER_COLUMNS].reverse();
    const cells = row('KLG-000001').split(',').reverse();
    const items = (await readAll({ text: `Remarks,${reordered.map((name) => name.toUpperCase()).join(',')}\nnone,${cells.join(',')}\n` })) as RegisterRecord[];
    expect(items[0].values.member_no).toBe('KLG-000001');
    expect(items[0].values.status).toBe('active');
  });

  it('yields rows with the wrong number of fields as malformed', async () => {
    const items = await readAll({ text: `${HEADER}\n${row('KLG-000001')},extra\nKLG-000002,KLG\n${row('KLG-000003')}\n` });
    expect(items).toEqual([
      { kind: 'malformed', line: 2, fieldCount: 15 },
      { kind: 'malformed', line: 3, fieldCount: 2 },
      expect.objectContaining({ kind: 'record', line: 4 }),
    ]);
  });

  it('refuses a header that lacks register columns, naming them', async () => {
    await expect(readAll({ text: 'member_no,branch_code\nKLG-000001,KLG\n' })).rejects.toThrow(/lacks the column\(s\) full_name, date_of_birth/);
  });

  it('refuses an empty file and an unclosed quote without echoing cell contents', async () => {
    await expect(readAll({ text: '' })).rejects.toThrow(RegisterFormatError);
    const failure = readAll({ text: `${HEADER}\n${row('KLG-000001', '"Rekha Thapa')}\n` });
    await expect(failure).rejects.toThrow(RegisterFormatError);
    await expect(failure).rejects.not.toThrow(/Rekha/);
  });

  it('refuses a file that is not UTF-8 (e.g. saved as Windows-1252)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'register-'));
    try {
      const file = path.join(dir, 'latin1.csv');
      writeFileSync(file, Buffer.concat([Buffer.from(`${HEADER}\nKLG-000001,KLG,Ren`), Buffer.from([0xe9]), Buffer.from('e,23/04/1972,14/08/2021,,,,,1,0,0,0,active\n')]));
      await expect(readAll({ path: file })).rejects.toThrow(/line 2 is not valid UTF-8/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says clearly when the file does not exist', async () => {
    await expect(readAll({ path: '/nonexistent/register.csv' })).rejects.toThrow(/cannot read \/nonexistent\/register.csv: ENOENT/);
  });
});
