import { ApproachTabs } from '../approach/ApproachTabs';

export default function ApproachReviewPrintPage() {
  return <ApproachTabs />;
}
