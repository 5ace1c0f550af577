// Concurrent scans per user: a slot is taken before any slow work (DNS) starts, so two requests
// racing each other cannot both slip under the limit.

export interface UserSlots {
  tryTake(key: string): boolean;
  give(key: string): void;
}

export function createUserSlots(perUser: number): UserSlots {
  const running = new Map<string, number>();
  return {
    tryTake(key) {
      const count = running.get(key) ?? 0;
      if (count >= perUser) return false;
      running.set(key, count + 1);
      return true;
    },
    give(key) {
      const count = (running.get(key) ?? 0) - 1;
      if (count > 0) running.set(key, count);
      else running.delete(key);
    },
  };
}
