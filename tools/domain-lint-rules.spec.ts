// The lint rules that keep domain code pure (eslint.config.mjs, DESIGN §10), probed with small in-memory files:
// a decider may import the domain kit and its own domain folder, never another @samabay library (not even for
// types) nor the application or infrastructure layer; the domain kit imports no other @samabay library.
// ESLint runs in a child process because the flat config is an ES module. The Nx boundary rule is switched off
// there: it needs the project graph (`nx show projects`), and the import rules below cover the same ground.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

const LINTER = `
import { ESLint } from 'eslint';
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: { rules: { '@nx/enforce-module-boundaries': 'off' } } });
const results = [];
for (const { filePath, code } of JSON.parse(process.argv[1])) {
  const [result] = await eslint.lintText(code, { filePath });
  results.push(result.messages.map((message) => ({ line: message.line, ruleId: message.ruleId, message: message.message })));
}
process.stdout.write(JSON.stringify(results));
`;

interface Finding {
  readonly line: number;
  readonly ruleId: string | null;
  readonly message: string;
}

/** Lints each probe (a path inside the repository and its source text); returns each probe's findings. */
function lint(probes: ReadonlyArray<{ filePath: string; code: string }>): Finding[][] {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', LINTER, JSON.stringify(probes)], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  if (child.status !== 0) throw new Error(`eslint failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as Finding[][];
}

/** Source text of one import per line (the config enables no unused-import rule, so nothing else is reported). */
function importsOf(lines: readonly string[]): string {
  return `${lines.join('\n')}\n`;
}

describe('lint: domain boundaries (DESIGN §10)', () => {
  it('refuses infrastructure libraries and outer layers in a decider, and allows the domain kit and its own folder', () => {
    const [decider, kit] = lint([
      {
        filePath: 'services/savings/src/domain/account/lint-probe.ts',
        code: importsOf([
          "import { openPglite as b0 } from '@samabay/sql';",
          "import { createSqlEventStore as b1 } from '@samabay/event-store';",
          "import type { RecordedEvent as b2 } from '@samabay/event-store';",
          "import { createSqlIdempotencyStore as b3 } from '@samabay/command-stores';",
          "import { createSavings as b4 } from '../../application/create-savings';",
          "import { passbookLinesOf as b5 } from '../../infrastructure/passbook-lines';",
          "import { fold as b6 } from '@samabay/domain-kit';",
          "import { createSavingsAccountDecider as b7 } from './savings-account-decider';",
          "import b8 from 'decimal.js';",
        ]),
      },
      {
        filePath: 'libs/domain-kit/src/lint-probe.ts',
        code: importsOf(["import { openPglite as b0 } from '@samabay/sql';", "import { formatPosition as b1 } from '@samabay/event-store';", "import { createHash as b2 } from 'node:crypto';"]),
      },
    ]);
    expect(decider.map((finding) => [finding.line, finding.ruleId])).toEqual([1, 2, 3, 4, 5, 6].map((line) => [line, 'no-restricted-imports']));
    expect(decider[4].message).toContain('application or infrastructure layer');
    expect(kit.map((finding) => [finding.line, finding.ruleId])).toEqual([
      [1, 'no-restricted-imports'],
      [2, 'no-restricted-imports'],
    ]);
  }, 60_000);
});
