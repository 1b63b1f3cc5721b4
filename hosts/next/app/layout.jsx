import 'fact-boxes/styles.css';

export const metadata = { title: 'Host suite' };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
