import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// `waitFor`/`findBy*` wait on real time (msw answers over real I/O); 1 s, RTL's default, is too
// short when CI runs every package's tests on two cores at once.
configure({ asyncUtilTimeout: 5_000 });
