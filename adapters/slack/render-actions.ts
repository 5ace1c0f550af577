// Reply actions as Block Kit buttons. The button carries what the core needs to rebuild the
// ReplyAction (kind in the action_id, the command/scan id/query in the value), so a press needs no
// server-side state and survives a restart.
import type { types } from '@slack/bolt';
import type { ReplyAction } from '../../src/report/reply.js';
import { clip } from './escape.js';
import { slackLimits } from './limits.js';

/** Every portbot button's action_id starts with this; the suffix keeps ids unique in a message. */
export const actionIdPattern = /^portbot_(rescan|cancel|explain)_\d+$/;

function payloadOf(action: ReplyAction): string {
  switch (action.kind) {
    case 'rescan':
      return action.command;
    case 'cancel':
      return action.scanId;
    case 'explain':
      return action.query;
  }
}

export function actionsBlock(actions: readonly ReplyAction[]): types.ActionsBlock | undefined {
  const buttons: types.Button[] = [];
  actions.forEach((action, index) => {
    const value = payloadOf(action);
    // A cut value would rescan or explain something else: leave such a button out instead.
    if (value.length > slackLimits.buttonValue || buttons.length >= slackLimits.actionsElements) return;
    const button: types.Button = {
      type: 'button',
      action_id: `portbot_${action.kind}_${index}`,
      text: { type: 'plain_text', text: clip(action.label, slackLimits.buttonText), emoji: false },
      value,
    };
    buttons.push(action.kind === 'cancel' ? { ...button, style: 'danger' } : button);
  });
  return buttons.length === 0 ? undefined : { type: 'actions', elements: buttons };
}

/** Rebuilds the ReplyAction from a pressed button; undefined for anything not ours. */
export function actionFromButton(actionId: string, value: string, label: string): ReplyAction | undefined {
  const kind = actionIdPattern.exec(actionId)?.[1];
  switch (kind) {
    case 'rescan':
      return { kind, label, command: value };
    case 'cancel':
      return { kind, label, scanId: value };
    case 'explain':
      return { kind, label, query: value };
    default:
      return undefined;
  }
}
