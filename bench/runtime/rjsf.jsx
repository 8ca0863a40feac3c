// The baseline: plain @rjsf/core 6 + @rjsf/validator-ajv8, default theme, liveValidate on, uncontrolled (formData
// passed once), on the same schema (as ../shared/bench-baseline/web/app.jsx, large form, ?live=1).

import formData from '@baseline/large.draft.json';
import schema from '@baseline/large.schema.json';
import uiSchema from '@baseline/large.ui.json';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import { createRoot } from 'react-dom/client';
import { FirstCommitProbe } from './probe.jsx';

const el = document.getElementById('root');
performance.mark('mount-start');
createRoot(el).render(
  <>
    <Form
      schema={schema}
      uiSchema={uiSchema}
      formData={formData}
      validator={validator}
      liveValidate="onChange"
    />
    <FirstCommitProbe root={el} />
  </>,
);
