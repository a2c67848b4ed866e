import { Fragment } from 'react';

/** Text that may wrap only after a dot or hyphen, so routing keys and queue names never split mid-word. */
export function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?<=[.\-])/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </>
  );
}
