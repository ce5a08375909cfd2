import type { QueryClient, QueryKey } from "@tanstack/react-query";

/**
 * Refetches every query under `queryKey` after a change the server has committed.
 *
 * `invalidateQueries` alone is not enough: a query still on its first fetch has no data, and TanStack
 * Query then reuses that in-flight request instead of cancelling it (`cancelRefetch` only applies to
 * queries that already hold data). A list whose first load started before an upload committed would
 * answer without the new document and stay that way. Cancelling first ends any such request, so the
 * refetch that follows is one made after the change.
 */
export async function refreshAfterChange(queryClient: QueryClient, queryKey: QueryKey): Promise<void> {
  await queryClient.cancelQueries({ queryKey });
  await queryClient.invalidateQueries({ queryKey });
}
