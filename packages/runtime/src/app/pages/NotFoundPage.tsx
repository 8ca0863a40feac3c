import { PageHeading } from '../layout/PageHeading.js';
import { Link } from '../router/Link.js';

export function NotFoundPage() {
  return (
    <>
      <PageHeading>Page not found</PageHeading>
      <p className="fwa-body">If you typed the web address, check it is correct.</p>
      <p className="fwa-body">
        <Link to="/">Go to your home page</Link> to find your records.
      </p>
    </>
  );
}
