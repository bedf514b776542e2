/** "120/500"; over the limit the text typed is kept (nothing is cut off) and the field says by how much. */
export function lengthStatus(value: string, max: number): { counter: string; over?: string } {
  // stored text is NFC, so a letter typed as base + combining mark counts once, as it will be saved
  const n = value.normalize('NFC').length;
  return { counter: `${n}/${max}`, over: n > max ? `Dài quá ${n - max} ký tự (tối đa ${max})` : undefined };
}
