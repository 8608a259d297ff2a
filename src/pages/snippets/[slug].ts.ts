// The raw snippet, served as a file a reader can download and run with `node <slug>.ts`.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';

export const getStaticPaths: GetStaticPaths = async () =>
  (await getCollection('snippets')).map((s) => ({ params: { slug: s.id }, props: { source: s.data.source } }));

export const GET: APIRoute = ({ props }) =>
  new Response(props.source as string, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
