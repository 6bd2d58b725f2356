import type { CommandOutcome } from '@samabay/domain-kit';
import { Counter, Histogram, type Registry } from 'prom-client';

/**
 * Counts commands by type and outcome (accepted, replayed, rejected, conflict, failed; `code` for
 * rejections) and their latency, from the CommandHandler's `onOutcome` hook. Labels carry stable
 * codes only — no stream ids, no member numbers.
 */
export function commandMetrics(registry: Registry): (outcome: CommandOutcome) => void {
  const commands = new Counter({
    name: 'samabay_commands_total',
    help: 'Commands executed by the command handler, by type and outcome.',
    labelNames: ['command', 'outcome', 'code'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'samabay_command_duration_seconds',
    help: 'Command handling time (idempotency check, load, decide, append, record).',
    labelNames: ['command'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  return (outcome) => {
    commands.inc({ command: outcome.commandType, outcome: outcome.result, code: outcome.code ?? '' });
    duration.observe({ command: outcome.commandType }, outcome.durationMs / 1000);
  };
}
