import { cardRoute, chatBubbles, isTabPage, isTyping, LocalChatEntry } from './chat-view';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 2, minute)).toISOString();

describe('the demo chat window', () => {
  it('draws texts and cards, skips the enter event and typing, and marks an undelivered message', () => {
    const entries: LocalChatEntry[] = [
      { direction: 'in', type: 'enter', at: at(0) },
      { direction: 'out', type: 'typing', typing: true, at: at(0) },
      { direction: 'in', type: 'text', text: '厨房漏水', delivered: true, at: at(1) },
      { direction: 'out', type: 'text', text: '已按紧急情况登记', at: at(1) },
      {
        direction: 'out',
        type: 'miniprogrampage',
        title: '工单 BX-1',
        pagePath: 'subpackages/ticket/detail/index?id=t1',
        at: at(1),
      },
      { direction: 'in', type: 'text', text: '在吗', delivered: false, at: at(9) },
    ];
    const bubbles = chatBubbles(entries);
    expect(bubbles.map((b) => b.kind)).toEqual(['text', 'text', 'card', 'text']);
    expect(bubbles[0]).toMatchObject({ mine: true, text: '厨房漏水', failed: false, time: at(1) });
    expect(bubbles[1]).toMatchObject({ mine: false, time: null });
    expect(bubbles[2]).toMatchObject({
      title: '工单 BX-1',
      page: '/subpackages/ticket/detail/index?id=t1',
    });
    // Eight minutes later: a time line again, and the push that never got through says so.
    expect(bubbles[3]).toMatchObject({ failed: true, time: at(9) });
  });

  it('opens only the mini-program’s own pages from a card', () => {
    expect(cardRoute('pages/home/index')).toBe('/pages/home/index');
    expect(cardRoute('https://example.com/x')).toBeNull();
    expect(cardRoute(undefined)).toBeNull();
    expect(isTabPage('/pages/home/index')).toBe(true);
    expect(isTabPage('/subpackages/household/join/index')).toBe(false);
  });

  it('shows "typing" only while nothing was sent after the indicator', () => {
    const typing: LocalChatEntry = { direction: 'out', type: 'typing', typing: true, at: at(0) };
    expect(isTyping([typing])).toBe(true);
    expect(isTyping([typing, { direction: 'out', type: 'text', text: '好的', at: at(0) }])).toBe(
      false,
    );
    expect(isTyping([typing, { direction: 'out', type: 'typing', typing: false, at: at(0) }])).toBe(
      false,
    );
    expect(isTyping([])).toBe(false);
  });
});
