// Buttons carry their ReplyAction in the custom_id, so a button still works after a restart.
// Discord caps a custom_id at 100 characters; a longer action (a rescan of a long target list)
// is kept in a small in-memory table instead and the id carries only its key.
import { ButtonStyle, ComponentType } from 'discord.js';
import type { APIActionRowComponent, APIButtonComponentWithCustomId } from 'discord.js';
import type { ReplyAction } from '../../src/report/reply.js';
import { clip } from './render-escape.js';

const PREFIX = 'portbot';
const MAX_CUSTOM_ID = 100;
const MAX_LABEL = 80;
const BUTTONS_PER_ROW = 5;
const MAX_ROWS = 5;
/** Long actions remembered at once; the oldest is forgotten first (its button then says so). */
const MAX_REMEMBERED = 500;

const KIND_CODE = { rescan: 'r', cancel: 'c', explain: 'e' } as const;

export class ActionCodec {
  private readonly remembered = new Map<string, ReplyAction>();
  private nextKey = 0;

  encode(action: ReplyAction): string {
    const payload = action.kind === 'rescan' ? action.command : action.kind === 'cancel' ? action.scanId : action.query;
    const direct = `${PREFIX}:${KIND_CODE[action.kind]}:${payload}`;
    if (direct.length <= MAX_CUSTOM_ID) return direct;
    const key = (this.nextKey++).toString(36);
    this.remembered.set(key, action);
    if (this.remembered.size > MAX_REMEMBERED) {
      const oldest = this.remembered.keys().next();
      if (oldest.done !== true) this.remembered.delete(oldest.value);
    }
    return `${PREFIX}:k:${key}`;
  }

  /** The action behind a custom_id; null when it is not portbot's or has been forgotten. */
  decode(customId: string, label: string): ReplyAction | null {
    const match = /^portbot:([rcek]):(.*)$/s.exec(customId);
    if (match === null) return null;
    const [, code, payload = ''] = match;
    switch (code) {
      case 'r':
        return { kind: 'rescan', label, command: payload };
      case 'c':
        return { kind: 'cancel', label, scanId: payload };
      case 'e':
        return { kind: 'explain', label, query: payload };
      default:
        return this.remembered.get(payload) ?? null;
    }
  }
}

const STYLE: Record<ReplyAction['kind'], ButtonStyle.Primary | ButtonStyle.Danger | ButtonStyle.Secondary> = {
  rescan: ButtonStyle.Primary,
  cancel: ButtonStyle.Danger,
  explain: ButtonStyle.Secondary,
};

/** Buttons in rows of five, at most five rows (Discord's limits), unique ids; extra actions are dropped. */
export function renderButtons(
  actions: readonly ReplyAction[],
  codec: ActionCodec,
): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const rows: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
  // Discord refuses a whole message whose components share a custom_id (50035), so a second
  // button that would carry the same action is left out rather than losing the answer.
  const used = new Set<string>();
  for (const action of actions) {
    if (used.size >= BUTTONS_PER_ROW * MAX_ROWS) break;
    const customId = codec.encode(action);
    if (used.has(customId)) continue;
    used.add(customId);
    const button: APIButtonComponentWithCustomId = {
      type: ComponentType.Button,
      style: STYLE[action.kind],
      // Labels are plain text (no markdown in buttons), so only the length needs care.
      label: clip(action.label, MAX_LABEL),
      custom_id: customId,
    };
    const last = rows.at(-1);
    if (last !== undefined && last.components.length < BUTTONS_PER_ROW) last.components.push(button);
    else rows.push({ type: ComponentType.ActionRow, components: [button] });
  }
  return rows;
}
