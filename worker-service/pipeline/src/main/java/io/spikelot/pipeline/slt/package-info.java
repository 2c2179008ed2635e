/**
 * The {@code slt} job: spiking lottery ticket search (edge-popup or biprop scores over frozen random weights) on
 * convnet-s, vgg9 and resnet19, with masks, effective weights, a result summary, a history and plots as artifacts.
 * A job type: it may use every building block and the file writers, and nothing but the worker uses it.
 */
package io.spikelot.pipeline.slt;
