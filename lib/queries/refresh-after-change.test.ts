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

/** A client with the document list observed, as the vault page holds it, on that server. */
function observedList(server: ReturnType<typeof slowServer>) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const observer = new QueryObserver(queryClient, { queryKey: ["documents", "list"], queryFn: server.fetchList });
  const unsubscribe = observer.subscribe(() => {});
  return { queryClient, list: () => queryClient.getQueryData(["documents", "list"]), close: () => (unsubscribe(), queryClient.clear()) };
}

/** The refresh after a change: the refetch reaches the server, then every request held there answers. */
async function refreshThenAnswer(queryClient: QueryClient, server: ReturnType<typeof slowServer>) {
  const refreshed = refreshAfterChange(queryClient, ["documents"]);
  await new Promise((resolve) => setTimeout(resolve, 0));
  server.release();
  await refreshed;
}

describe("refreshAfterChange", () => {
  let close = () => {};
  afterEach(() => close());

  it("does not let a first load that started before the change stand in for a fresh one", async () => {
    const server = slowServer();
    const client = observedList(server);
    close = client.close;
    // The list's first load is in flight; then the upload commits.
    server.commit();
    await refreshThenAnswer(client.queryClient, server);
    expect(client.list()).toEqual(["new document"]);
  });

  it("refreshes a list that already has data", async () => {
    const server = slowServer();
    const client = observedList(server);
    close = client.close;
    server.release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(client.list()).toEqual([]);

    server.commit();
    await refreshThenAnswer(client.queryClient, server);
    expect(client.list()).toEqual(["new document"]);
  });
});
