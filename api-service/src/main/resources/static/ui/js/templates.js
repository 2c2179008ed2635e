// Starting points of the new-job editor, one per job type; the README's "Job specs" lists every field.

export const TEMPLATES = {
  slt: {
    type: 'slt',
    name: 'convnet-s-fmnist-mpslt',
    model: {architecture: 'convnet-s', timesteps: 4},
    dataset: {name: 'fashion-mnist', trainLimit: 5000},
    search: {method: 'biprop', pruneRatio: 0.5, scope: 'layer'},
    training: {epochs: 3, batchSize: 64, seed: 42},
  },
  qsnn: {
    type: 'qsnn',
    name: 'convnet-s-fmnist-budget-8',
    model: {architecture: 'convnet-s'},
    dataset: {name: 'fashion-mnist', trainLimit: 20000},
    quantization: {bitBudget: 8},
    training: {epochs: 3, seed: 42},
  },
  imp: {
    type: 'imp',
    name: 'convnet-s-fmnist-imp',
    model: {architecture: 'convnet-s', timesteps: 4},
    dataset: {name: 'fashion-mnist', trainLimit: 20000},
    pruning: {method: 'imp', rounds: 5, ratePerRound: 0.25, rewindEpoch: 1},
    training: {epochs: 4, seed: 42},
  },
};
