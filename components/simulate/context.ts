'use client';
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { SimActions, SimState, SimStore } from '@/lib/simulate/store';

export const SimStoreContext = createContext<SimStore | null>(null);

export function useSimStore(): SimStore {
  const store = useContext(SimStoreContext);
  if (!store) throw new Error('useSim needs a SimStoreContext provider');
  return store;
}

/** Subscribes to one slice of the simulator state; re-renders only when that slice changes. */
export function useSim<T>(selector: (s: SimState & SimActions) => T): T {
  return useStore(useSimStore(), selector);
}
