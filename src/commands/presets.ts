// `presets [filter]`: the model presets and GPUs napkin knows, optionally filtered by a word.
import { GPUS } from '../core/gpus.js';
import { PRESETS } from '../core/presets.js';
import type { Command } from './command.js';
import { infoReply } from './replies/notices.js';
import type { Reply, Row } from '../model/reply.js';

const key = (s: string) => s.toLowerCase().replace(/[\s_\-.]/g, '');

function matches(filter: string, names: string[]): boolean {
  const f = key(filter);
  return !f || names.some((n) => key(n).includes(f));
}

function run(text: string): Reply {
  const filter = text.trim();
  const models: Row[] = PRESETS.filter((p) => matches(filter, [p.id, p.name, ...p.aliases])).map((p) => ({
    label: p.id,
    value: { n: p.published.params, unit: 'count' },
    detail: `${p.name}, context ${p.seq}`,
  }));
  const gpus: Row[] = GPUS.filter((g) => matches(filter, [g.id, g.name, ...g.aliases])).map((g) => ({
    label: g.id,
    value: { n: g.memory, unit: 'bytes' },
    detail: g.name,
  }));
  const sections = [
    ...(models.length ? [{ title: `Models (${models.length})`, rows: models }] : []),
    ...(gpus.length ? [{ title: `GPUs (${gpus.length})`, rows: gpus }] : []),
  ];
  const notes = sections.length
    ? ['Use a name in a spec: `napkin llama-2-7b 8xH100`. Overrides follow the name: `llama-2-7b seq=8192 L=40`.']
    : [`Nothing matches \`${filter}\`; \`napkin presets\` lists everything.`];
  return infoReply(filter ? `presets matching \`${filter}\`` : 'presets', sections, notes, 'presets');
}

export const presetsCommand: Command = {
  name: 'presets',
  summary: 'The model presets and GPUs napkin knows, optionally filtered',
  usage: 'presets [filter]',
  examples: ['presets', 'presets llama', 'presets h100'],
  options: [{ name: 'filter', description: 'Only names containing this, e.g. llama or h100', required: false }],
  run,
};
