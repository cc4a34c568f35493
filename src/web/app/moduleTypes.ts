import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { Permission } from '../../core/auth/roles.ts';

/** A group in the side menu. Later modules (台账, 落实情况, 报告…) add their own. */
export interface MenuGroup {
  key: string;
  label: string;
  /** Lower comes first. */
  order: number;
}

/** One page a module contributes: its route and, optionally, its side-menu entry. */
export interface ModulePage {
  /** Route path without the leading slash, e.g. "org" or "people". */
  path: string;
  component: LazyExoticComponent<ComponentType>;
  /** Who may open it; absent means every signed-in user. */
  permission?: Permission;
  /** The side-menu entry; absent for pages reached only by links. */
  menu?: { label: string; icon: ReactNode; group?: MenuGroup; order: number };
}
