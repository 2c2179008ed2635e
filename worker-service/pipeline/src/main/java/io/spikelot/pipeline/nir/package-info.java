/**
 * {@code model.nir}: a spiking network in NIR, the Neuromorphic Intermediate Representation (HDF5) that snnTorch,
 * Norse, Sinabs, Rockpool, Lava-dl, SpikingJelly and neuromorphic tool chains exchange. Translates the graph of
 * {@code model.json} and the job's host tensors into NIR nodes and edges ({@link NirTranslation}), stating what
 * NIR cannot express and how it was approximated, and writes them with jHDF ({@link NirFile}). Depends on the
 * {@code tensor} package, the shared model's graph records and jHDF only; like the artifact writers, only the job
 * types use it.
 */
package io.spikelot.pipeline.nir;
