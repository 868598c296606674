export {
  followAnalytics,
  loadSummary,
  loadTags,
  setSummary,
  setTags,
  useCatalog,
  useSummary,
  useSummaryError,
  useTagList,
  useTagsError,
} from './analytics-store.ts';
export { localName, formatShare, formatLift } from './labels.ts';
import './analytics.css';
