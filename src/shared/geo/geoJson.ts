// The slice of GeoJSON (RFC 7946) that Escale reads: commune outlines and place points.
// Written here rather than taken from @types/geojson so `src/shared` has no type
// dependency to keep in step. Positions are [longitude, latitude], GeoJSON's order.

export type Position = readonly [lon: number, lat: number, ...rest: number[]];
/** Closed ring: the first and last positions are equal (RFC 7946 §3.1.6). */
export type LinearRing = readonly Position[];

export interface PointGeometry {
  readonly type: 'Point';
  readonly coordinates: Position;
}

/** First ring is the outer boundary, the others are holes. */
export interface PolygonGeometry {
  readonly type: 'Polygon';
  readonly coordinates: readonly LinearRing[];
}

export interface MultiPolygonGeometry {
  readonly type: 'MultiPolygon';
  readonly coordinates: readonly (readonly LinearRing[])[];
}

export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;
export type Geometry = PointGeometry | AreaGeometry;

export interface Feature<G extends Geometry = Geometry, P = unknown> {
  readonly type: 'Feature';
  /** RFC 7946 allows a feature without a location. */
  readonly geometry: G | null;
  readonly properties: P;
}

export interface FeatureCollection<G extends Geometry = Geometry, P = unknown> {
  readonly type: 'FeatureCollection';
  readonly features: readonly Feature<G, P>[];
}
