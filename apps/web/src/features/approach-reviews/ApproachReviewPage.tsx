import { ApproachTabs } from '../approach/ApproachTabs';

export default function ApproachReviewPage() {
  return <ApproachTabs />;
}
