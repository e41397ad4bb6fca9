/** What every resolver receives: the store, this request's loaders, the config and the caller's write rights. */
import type { SteppeConfig } from '../config';
import type { GraphStore } from '../store';
import type { AuthStatus } from './auth';
import { createLoaders, type Loaders } from './loaders';

export interface ApiContext {
  store: GraphStore;
  loaders: Loaders;
  config: SteppeConfig;
  auth: AuthStatus;
}

export function createContext(store: GraphStore, config: SteppeConfig, auth: AuthStatus): ApiContext {
  return { store, loaders: createLoaders(store), config, auth };
}
