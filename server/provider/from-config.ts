import type { Config } from '../config.js';
import type { Provider } from './types.js';
import { OfflineProvider } from './offline.js';

/** The provider the configuration asks for; the offline composer when no model is configured. */
export function providerFromConfig(config: Config): Provider {
  if (config.llm) {
    console.warn('soanthao: a model is configured, but the model provider is not built yet; using the offline composer.');
  }
  return new OfflineProvider();
}
