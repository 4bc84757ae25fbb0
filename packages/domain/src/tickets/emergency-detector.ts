/**
 * Suggests that a resident's free text describes an emergency (docs/domain-rules.md §6: leak, flooding,
 * power or water cut, blocked toilet, smoke, someone trapped). Data-driven: the word list is
 * the whole rule, so a company can extend it without code.
 */
export interface EmergencyKeyword {
  word: string;
  /** What the match means, shown to staff. */
  label: string;
}

export const DEFAULT_EMERGENCY_KEYWORDS: readonly EmergencyKeyword[] = [
  { word: '漏水', label: '漏水' },
  { word: '跑水', label: '跑水' },
  { word: '爆管', label: '爆管' },
  { word: '水管爆', label: '爆管' },
  { word: '淹', label: '水浸' },
  { word: '停电', label: '停电' },
  { word: '没电', label: '停电' },
  { word: '跳闸', label: '停电' },
  { word: '停水', label: '停水' },
  { word: '没水', label: '停水' },
  { word: '堵了', label: '堵塞' },
  { word: '堵塞', label: '堵塞' },
  { word: '冒烟', label: '冒烟' },
  { word: '着火', label: '火情' },
  { word: '起火', label: '火情' },
  { word: '煤气味', label: '燃气泄漏' },
  { word: '燃气味', label: '燃气泄漏' },
  { word: '被困', label: '被困' },
  { word: '困电梯', label: '被困' },
  { word: '关在电梯', label: '被困' },
];

/** Labels of the emergency keywords found in `text` (empty when none), without duplicates. */
export function detectEmergency(
  text: string,
  keywords: readonly EmergencyKeyword[] = DEFAULT_EMERGENCY_KEYWORDS,
): string[] {
  const found: string[] = [];
  for (const k of keywords) {
    if (text.includes(k.word) && !found.includes(k.label)) found.push(k.label);
  }
  return found;
}
