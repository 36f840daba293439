/**
 * What a stop's meeting point adds to its commune's name, or undefined when it adds
 * nothing: a seed whose exact meeting places are not decided yet names each one "Centre de
 * <commune>", and a list of stops saying "Civray — Centre de Civray" on every line only
 * repeats the commune (issue 22). The tour's notes say once that the points are the
 * communes' centres; the line then says the commune alone.
 */
export function meetingPointDetail(meetingPoint: string, commune: string): string | undefined {
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
  const point = fold(meetingPoint);
  const name = fold(commune);
  if (point === name) return undefined;
  const rest = point.replace(/^(le |au )?(centre|centre-ville|centre ville|bourg)( de | d'| du |$)/, '').trim();
  return rest === '' || rest === name ? undefined : meetingPoint;
}
