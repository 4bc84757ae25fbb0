/** InnoDB may pick a statement as a deadlock (1213) or lock-wait (1205) victim under contention: it is safe to run the transaction again. */
export async function retryOnDeadlock<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      const errno = (err as { driverError?: { errno?: number } }).driverError?.errno;
      if ((errno !== 1213 && errno !== 1205) || i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 5 * i + Math.random() * 10));
    }
  }
}
