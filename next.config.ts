import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The build is a folder of static files (out/) that any static host or CDN can serve.
  output: 'export',
  images: { unoptimized: true },
  reactStrictMode: true,
};

export default nextConfig;
