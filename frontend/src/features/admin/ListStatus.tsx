import type { ReactNode } from "react";
import { LoadError, Loading } from "@/components/Loading";

/** What an admin list shows before its items: loading, a load error, or that it is empty. */
export function ListStatus({
  query,
  count,
  empty,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown };
  count: number;
  empty: ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError error={query.error} />;
  return count === 0 ? <p>{empty}</p> : null;
}
