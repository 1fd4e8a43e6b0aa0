// `help [command]`: usage and examples, generated from the command table (handed in, so this file
// does not import the table that lists it).
import type { Command } from './command.js';
import { infoReply } from './replies/notices.js';
import type { Reply, Section } from '../model/reply.js';

function commandSection(c: Command): Section {
  return {
    title: `${c.name} — ${c.summary}`,
    rows: [
      { label: 'usage', value: { text: `napkin ${c.usage}` } },
      ...c.examples.map((e) => ({ label: 'example', value: { text: `napkin ${e}` } })),
    ],
  };
}

/** One line per command, for a CLI `--help` or any front end that wants a plain string. */
export function renderHelpText(commands: Command[]): string {
  const lines = ['napkin — back-of-the-napkin sizing of neural networks', ''];
  for (const c of commands) lines.push(`  napkin ${c.usage.padEnd(30)} ${c.summary}`);
  lines.push('', 'A bare spec means estimate: napkin llama-2-7b bf16 adamw 8xA100-80GB zero3 seq=4096 batch=4');
  lines.push('Options: --json <spec> (one JSON line), --json - (one spec per stdin line), no arguments: console.');
  return lines.join('\n');
}

export function makeHelpCommand(table: () => Command[]): Command {
  return {
    name: 'help',
    summary: 'How to use napkin: commands, usage and examples',
    usage: 'help [command]',
    examples: ['help', 'help compare'],
    // Read when the Discord registration is built, after the table exists: its names are the choices.
    get options() {
      const choices = table().map((c) => c.name);
      return [{ name: 'command', description: 'The command to explain', required: false, choices }];
    },
    run(text: string): Reply {
      const name = text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
      const all = table();
      const one = all.find((c) => c.name === name);
      if (name && !one) {
        const names = all.map((c) => c.name).join(', ');
        return infoReply('help', [], [`No command \`${name}\`. Commands: ${names}.`], 'help');
      }
      const notes = one ? [] : ['A bare spec means estimate: `napkin llama-2-7b` = `napkin estimate llama-2-7b`.'];
      return infoReply(
        one ? `napkin ${one.name}` : 'napkin help',
        (one ? [one] : all).map(commandSection),
        notes,
        'help',
      );
    },
  };
}
