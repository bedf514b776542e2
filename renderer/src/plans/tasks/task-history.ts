/**
 * A task list from the undo history, with the ids saves gave its tasks since it was recorded:
 * without them the next save would store those tasks as new ones (and drop the ids reports refer to).
 */
export function withSavedIds<T extends { key: number; id?: number | undefined }>(restored: readonly T[], current: readonly T[]): T[] {
  const ids = new Map(current.map((t) => [t.key, t.id]));
  return restored.map((t) => {
    const id = ids.get(t.key);
    return t.id === undefined && id !== undefined ? { ...t, id } : t;
  });
}
