// The CST visitor: unpacks each rule's node and hands its tokens to the rule's action (actions.ts).
// Only inputs the fast recogniser (fast-parse.ts) declines come this way.
import type { PatchBuilder } from './builder.js';
import * as A from './actions.js';
import type {
  AssignmentCstChildren,
  ChoiceCstChildren,
  ComponentCstChildren,
  GpusCstChildren,
  ItemCstChildren,
  SideCstChildren,
  ValueFirstCstChildren,
  WordCstChildren,
} from './cst.js';
import { specParser } from './parser.js';

/** The visitor class, made from the parser's base visitor (so only once the parser exists). */
const visitorClass = () =>
  class ToSpec extends specParser().getBaseCstVisitorConstructor<PatchBuilder, void>() {
    constructor() {
      super();
      this.validateVisitor();
    }

    spec(): void {
      // Sides are visited one by one by index.ts, each into its own builder.
    }

    side(ctx: SideCstChildren, b: PatchBuilder): void {
      for (const item of ctx.item ?? []) this.visit(item, b);
    }

    item(ctx: ItemCstChildren, b: PatchBuilder): void {
      const node = ctx.assignment ?? ctx.choice ?? ctx.valueFirst ?? ctx.gpus ?? ctx.component ?? ctx.word;
      if (node) this.visit(node, b);
    }

    assignment(ctx: AssignmentCstChildren, b: PatchBuilder): void {
      A.assignment(ctx.key[0], ctx.value?.[0], b);
    }

    valueFirst(ctx: ValueFirstCstChildren, b: PatchBuilder): void {
      A.valueFirst(ctx.value[0], ctx.key[0], b);
    }

    choice(ctx: ChoiceCstChildren, b: PatchBuilder): void {
      A.choice(ctx.key[0], ctx.choiceValue?.[0].children.value?.[0], b);
    }

    choiceValue(): void {
      // Read by `choice`.
    }

    gpus(ctx: GpusCstChildren, b: PatchBuilder): void {
      A.gpus(ctx.count?.[0], ctx.gpu[0], b);
    }

    component(ctx: ComponentCstChildren, b: PatchBuilder): void {
      const parts = {
        kind: ctx.kind[0],
        shape: ctx.shape?.[0],
        flags: ctx.flags ?? [],
        args: (ctx.args ?? []).map((a) => ({ key: a.children.key[0], value: a.children.value?.[0] })),
      };
      A.component(parts, b);
    }

    word(ctx: WordCstChildren, b: PatchBuilder): void {
      const t = ctx.value?.[0];
      if (t) A.word(t, b);
    }
  };

let visitor: InstanceType<ReturnType<typeof visitorClass>> | undefined;

/** One visitor for the process, made on first use; state lives in the PatchBuilder passed to each visit. */
export function toSpec(): InstanceType<ReturnType<typeof visitorClass>> {
  visitor ??= new (visitorClass())();
  return visitor;
}
