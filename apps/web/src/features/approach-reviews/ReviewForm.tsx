import type { Review } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { ReviewFormFrame, ReviewOutcomeFields, ReviewPlanningFields } from '../review-shared/ReviewFormParts';
import { useReviewEditor } from '../review-shared/useReviewEditor';
import { reviewFormFields, reviewPatchOf, reviewValuesOf } from './review.form';
import { useUpdateReview } from './review.mutations';

interface Props {
  review: Review;
  /** Without approach.write (or when archived) the review is shown in the same fields, read-only. */
  readOnly: boolean;
}

export function ReviewForm({ review, readOnly }: Props) {
  const { t } = useTranslation(['reviews']);
  const editor = useReviewEditor({
    review,
    readOnly,
    update: useUpdateReview(),
    valuesOf: reviewValuesOf,
    patchOf: reviewPatchOf,
    fields: reviewFormFields,
  });

  return (
    <ReviewFormFrame editor={editor} readOnly={readOnly} doneLabel={t('form.markDone')}>
      <ReviewPlanningFields input={editor.input} readOnly={readOnly} triggerNoteRows={2} />
      <ReviewOutcomeFields
        input={editor.input}
        readOnly={readOnly}
        textRows={3}
        effectiveLabel={t('fields.effective')}
      />
    </ReviewFormFrame>
  );
}
