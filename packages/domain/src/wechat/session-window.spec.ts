import {
  chatWindowFromHistory,
  ChatHistoryEntry,
  ChatWindowPolicy,
  DEFAULT_CHAT_WINDOW_POLICY,
} from './session-window';

const T0 = new Date('2026-12-04T02:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const msg = (ms = 0): ChatHistoryEntry => ({ kind: 'message', at: at(ms) });
const enter = (ms = 0): ChatHistoryEntry => ({ kind: 'enter', at: at(ms) });
const sent = (n: number, fromMs = 1): ChatHistoryEntry[] =>
  Array.from({ length: n }, (_, i) => ({ kind: 'sent', at: at(fromMs + i) }));

describe('chatWindowFromHistory', () => {
  it.each<
    [
      string,
      ChatHistoryEntry[],
      number,
      { open: boolean; remaining: number; refusal: string | null },
    ]
  >([
    ['no history: closed', [], 0, { open: false, remaining: 0, refusal: 'window_closed' }],
    [
      'after a message, nothing sent: 5 left',
      [msg()],
      S,
      { open: true, remaining: 5, refusal: null },
    ],
    [
      'the 5th send is allowed (4 sent)',
      [msg(), ...sent(4)],
      MIN,
      { open: true, remaining: 1, refusal: null },
    ],
    [
      'the 6th send is refused (5 sent)',
      [msg(), ...sent(5)],
      MIN,
      { open: false, remaining: 0, refusal: 'quota_exhausted' },
    ],
    [
      '48 h exactly after the message: still open',
      [msg()],
      48 * H,
      { open: true, remaining: 5, refusal: null },
    ],
    [
      '48 h + 1 s after the message: closed',
      [msg()],
      48 * H + S,
      { open: false, remaining: 0, refusal: 'window_closed' },
    ],
    ['after entering: 2 left', [enter()], S, { open: true, remaining: 2, refusal: null }],
    [
      'the 2nd send after entering is allowed',
      [enter(), ...sent(1)],
      2 * S,
      { open: true, remaining: 1, refusal: null },
    ],
    [
      'the 3rd send after entering is refused',
      [enter(), ...sent(2)],
      2 * S,
      { open: false, remaining: 0, refusal: 'quota_exhausted' },
    ],
    [
      '1 min exactly after entering: still open',
      [enter()],
      MIN,
      { open: true, remaining: 2, refusal: null },
    ],
    [
      '1 min + 1 s after entering: closed',
      [enter()],
      MIN + S,
      { open: false, remaining: 0, refusal: 'window_closed' },
    ],
    // Do not accumulate: a new message resets to 5 (not 5 + what was left); entering after a message replaces the 48 h window.
    [
      'a new message after 3 sends: 5 again, not 7',
      [msg(), ...sent(3), msg(10 * S)],
      11 * S,
      { open: true, remaining: 5, refusal: null },
    ],
    [
      'entering after a message: the 1-minute window of 2 replaces the 48 h one',
      [msg(), enter(10 * S)],
      11 * S,
      { open: true, remaining: 2, refusal: null },
    ],
    [
      'entering after a message, 1 min + 1 s later: closed although 48 h have not passed',
      [msg(), enter(10 * S)],
      10 * S + MIN + S,
      { open: false, remaining: 0, refusal: 'window_closed' },
    ],
    [
      'history in any order: the latest action counts',
      [...sent(2, 5 * S), enter(), msg(4 * S)],
      6 * S,
      { open: true, remaining: 3, refusal: null },
    ],
  ])('%s', (_name, history, nowMs, expected) => {
    const verdict = chatWindowFromHistory(history, at(nowMs));
    expect({ open: verdict.open, remaining: verdict.remaining, refusal: verdict.refusal }).toEqual(
      expected,
    );
  });

  it('says when the window closes', () => {
    expect(chatWindowFromHistory([msg()], at(S)).closesAt).toEqual(at(48 * H));
    expect(chatWindowFromHistory([enter()], at(S)).closesAt).toEqual(at(MIN));
    expect(chatWindowFromHistory([], at(S)).closesAt).toBeNull();
  });

  it('takes its limits from the policy', () => {
    const policy: ChatWindowPolicy = {
      ...DEFAULT_CHAT_WINDOW_POLICY,
      messageQuota: 1,
      messageWindowMs: 10 * S,
    };
    expect(chatWindowFromHistory([msg(), ...sent(1)], at(2 * S), policy).refusal).toBe(
      'quota_exhausted',
    );
    expect(chatWindowFromHistory([msg()], at(11 * S), policy).refusal).toBe('window_closed');
  });
});
