import { configuredModel } from '../runner/provider.js';
import { ModelJudge } from './judge.js';

/** The judge of --judge: the configured model server, or a clear refusal when none is configured. */
export function chooseJudge(): ModelJudge {
  const config = configuredModel('--judge cần một mô hình: đặt OPENAI_BASE_URL, SOANTHAO_MODEL (hoặc OPENAI_MODEL) và OPENAI_API_KEY nếu máy chủ cần, rồi chạy lại.');
  return new ModelJudge(config.llm);
}
