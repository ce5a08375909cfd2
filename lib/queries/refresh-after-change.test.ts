import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { afterEach, describe, expect, it } from "vitest";
import { refreshAfterChange } from "./refresh-after-change";

/** A server whose answer changes when `commit` is called; each answer is held until `release`. */
function slowServer() {
  let committed = false;
  const pending: Array<() => void> = [];
  return {
    commit: () => (committed = true),
    release: () => pending.splice(0).forEach((resolve) => resolve()),
    fetchList: ({ signal }: { signal: AbortSignal }) => {
      // The answer is what the server had when the request reached it, as with a real database read.
      const answer = committed ? ["new document"] : [];
      return new Promise<string[]>((resolve, reject) => {
        pending.push(() => resolve(answer));
        signal.addEventListener("abort", () => reject(signal.reason));
      });
    },
  };
}

describe("refreshAfterChange", () => {
  let queryClient: QueryClient;
  afterEach(() => queryClient.clear());

  it("does not let a first load that started before the change stand in for a fresh one", async () => {
    queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const server = slowServer();
    const observer = new QueryObserver(queryClient, { queryKey: ["documents", "list"], queryFn: server.fetchList });
    const unsubscribe = observer.subscribe(() => {});
    // The list's first load is in flight; then the upload commits.
    server.commit();

    const refreshed = refreshAfterChange(queryClient, ["documents"]);
    // Let the refetch reach the server, then let every request answer.
    await new Promise((resolve) => setTimeout(resolve, 0));
    server.release();
    await refreshed;

    expect(queryClient.getQueryData(["documents", "list"])).toEqual(["new document"]);
    unsubscribe();
  });

  it("refreshes a list that already has data", async () => {
    queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const server = slowServer();
    const observer = new QueryObserver(queryClient, { queryKey: ["documents", "list"], queryFn: server.fetchList });
    const unsubscribe = observer.subscribe(() => {});
    server.release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(queryClient.getQueryData(["documents", "list"])).toEqual([]);

    server.commit();
    const refreshed = refreshAfterChange(queryClient, ["documents"]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    server.release();
    await refreshed;

    expect(queryClient.getQueryData(["documents", "list"])).toEqual(["new document"]);
    unsubscribe();
  });
});
