import { usePack, usePacks } from './api.ts';
import { DEFAULT_PACK_ID } from './packTypes.ts';

/**
 * The pack whose records the ledger shows: the one the URL names, else the default pack, else the
 * first one loaded. A server usually runs one pack; a second (党风廉政建设责任制) adds a picker.
 */
export function useLedgerPack(requested: string | undefined) {
  const packs = usePacks();
  const list = packs.data ?? [];
  const packId = requested ?? (packs.data ? (list.find((p) => p.id === DEFAULT_PACK_ID) ?? list[0])?.id : undefined);
  const pack = usePack(packId);
  return {
    packs: list,
    packId,
    pack: pack.data,
    error: packs.error ?? pack.error,
    isPending: packs.isPending || (!!packId && pack.isPending),
    refetch: () => void (packs.error ? packs.refetch() : pack.refetch()),
  };
}
